using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Captions.Native.Llama;

/// <summary>
/// Routes llama.cpp's process-wide log (llama_log_set, which ggml shares) to an ILogger, and captures the lines logged on one thread
/// while a model loads so a failed load can say why (llama_model_load_from_file returns NULL; the reason exists only in the log).
/// </summary>
/// <remarks>
/// Threading model: llama.cpp logs from whichever thread calls it. The logger is process-wide because the native
/// callback is (the last Load with a logger wins; null keeps llama quiet). The capture buffer is
/// [ThreadStatic]: a load on one thread never sees another thread's lines.
/// </remarks>
internal static unsafe class LlamaLog
{
    private static readonly Lock s_gate = new();
    private static ILogger? s_logger;
    private static bool s_installed;

    [ThreadStatic]
    private static StringBuilder? t_capture;

    public static void Install(ILogger? logger)
    {
        lock (s_gate)
        {
            if (logger is not null)
            {
                Volatile.Write(ref s_logger, logger);
            }

            if (!s_installed)
            {
                LlamaNative.LogSet(&OnLog, null);
                s_installed = true;
            }
        }
    }

    /// <summary>Starts capturing this thread's llama log lines.</summary>
    public static void BeginCapture() => t_capture = new StringBuilder();

    /// <summary>Stops capturing and returns the error and warning lines captured.</summary>
    public static string EndCapture()
    {
        string text = t_capture?.ToString().Trim() ?? string.Empty;
        t_capture = null;
        return text;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, void* userData)
    {
        try
        {
            string message = (Marshal.PtrToStringUTF8((nint)text) ?? string.Empty).TrimEnd();
            if (message.Length == 0)
            {
                return;
            }

            // ggml_log_level: 1 debug, 2 info, 3 warn, 4 error, 5 continuation of the previous line.
            if (level is 3 or 4)
            {
                t_capture?.AppendLine(message);
            }

            ILogger? logger = Volatile.Read(ref s_logger);
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
                logger.Log(mapped, "llama: {Message}", message);
#pragma warning restore CA1848, CA2254
            }
        }
        catch (Exception)
        {
            // An exception must never unwind into native code; a lost log line is the lesser harm.
        }
    }
}
