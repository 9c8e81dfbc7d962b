using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Captions.Native.Ggml;

/// <summary>
/// Routes a ggml-based library's process-wide log (whisper_log_set, llama_log_set) to an ILogger, and captures the
/// lines logged on one thread while a model loads so a failed load can say why (whisper_init and
/// llama_model_load_from_file return NULL; the reason exists only in the log).
/// </summary>
/// <remarks>
/// Each binding owns one instance and a static [UnmanagedCallersOnly] callback that forwards to
/// <see cref="Receive"/> (a function pointer cannot carry the instance). Threading model: the library logs from
/// whichever thread calls it. The logger is process-wide because the native callback is (the last Install with a
/// logger wins; none keeps the library quiet). The capture buffer is per thread: a load on one thread never sees
/// another thread's lines.
/// </remarks>
public sealed class GgmlLog
{
    private readonly string _prefix;
    private readonly Action _installCallback;
    private readonly Lock _gate = new();
    private readonly ThreadLocal<StringBuilder?> _capture = new();
    private ILogger? _logger;
    private bool _installed;

    /// <param name="prefix">Put before every line ("whisper", "llama").</param>
    /// <param name="installCallback">Registers the binding's native callback (called once, on first Install).</param>
    public GgmlLog(string prefix, Action installCallback)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(installCallback);
        _prefix = prefix;
        _installCallback = installCallback;
    }

    public void Install(ILogger? logger)
    {
        lock (_gate)
        {
            if (logger is not null)
            {
                Volatile.Write(ref _logger, logger);
            }

            if (!_installed)
            {
                _installCallback();
                _installed = true;
            }
        }
    }

    /// <summary>Starts capturing this thread's log lines.</summary>
    public void BeginCapture() => _capture.Value = new StringBuilder();

    /// <summary>Stops capturing and returns the error and warning lines captured.</summary>
    public string EndCapture()
    {
        string text = _capture.Value?.ToString().Trim() ?? string.Empty;
        _capture.Value = null;
        return text;
    }

    /// <summary>One native log call (ggml_log_level, UTF-8 text). Never throws: it runs under a native frame.</summary>
    public void Receive(int level, nint text)
    {
        try
        {
            string message = (Marshal.PtrToStringUTF8(text) ?? string.Empty).TrimEnd();
            if (message.Length == 0)
            {
                return;
            }

            // ggml_log_level: 1 debug, 2 info, 3 warn, 4 error, 5 continuation of the previous line.
            if (level is 3 or 4)
            {
                _capture.Value?.AppendLine(message);
            }

            ILogger? logger = Volatile.Read(ref _logger);
            if (logger is null)
            {
                return;
            }

            LogLevel mapped = level switch
            {
                4 => LogLevel.Error,
                3 => LogLevel.Warning,
                2 => LogLevel.Debug,
                _ => LogLevel.Trace,
            };
            if (logger.IsEnabled(mapped))
            {
#pragma warning disable CA1848, CA2254 // native text is the template-free message itself
                logger.Log(mapped, "{Prefix}: {Message}", _prefix, message);
#pragma warning restore CA1848, CA2254
            }
        }
        catch (Exception)
        {
            // An exception must never unwind into native code; a lost log line is the lesser harm.
        }
    }
}
