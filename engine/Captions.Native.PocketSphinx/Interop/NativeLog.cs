using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Captions.Native.PocketSphinx.Interop;

/// <summary>
/// Routes sphinxbase's process-wide log (<c>err_set_callback</c>) to the <see cref="ILogger"/> of whichever decoder
/// is calling native code on the current thread, and remembers the last error for exception messages. Without a
/// scope (a native call we did not wrap) messages are dropped: pocketsphinx never writes to the user's terminal.
/// </summary>
/// <remarks>
/// err_cb_f is variadic, which managed code cannot declare. It is safe to receive it with fixed integer parameters
/// because sphinxbase 5prealpha's err_msg/err_msg_system pre-format the message with vsnprintf and then call the
/// callback with one of eight fixed formats whose arguments are all pointers or longs ("%s", "%s(%ld): %s",
/// "%s: %s(%ld): %s", "%s: \"%s\", line %ld: %s" and their strerror variants; found by disassembling err_msg and
/// err_msg_system in libsphinxbase.so.3.0.0), and on the Linux
/// x64 and arm64 C ABIs variadic integer arguments travel exactly like fixed ones (6 or 8 registers, then stack).
/// Other platforms keep the default callback, which then writes to /dev/null (<see cref="Install"/>).
/// </remarks>
internal static unsafe class NativeLog
{
    // err_lvl_t: ERR_DEBUG, ERR_INFO, ERR_INFOCONT, ERR_WARN, ERR_ERROR, ERR_FATAL.
    private const int ErrInfoCont = 2;
    private const int ErrError = 4;

    [ThreadStatic]
    private static ILogger? s_logger;

    [ThreadStatic]
    private static string? s_errors;

    [ThreadStatic]
    private static StringBuilder? s_pending;

    /// <summary>True when the callback is installed; false when the platform forced us to silence the log.</summary>
    public static bool IsRouted { get; private set; }

    public static void Install()
    {
        // Some code writes to err_get_logfp() directly, bypassing the callback (ps_init dumps its whole config,
        // ~150 lines, to it): point that FILE* at /dev/null rather than the default stderr.
        nint devNull = NativeMethods.FOpen("/dev/null", "w");
        if (devNull != 0)
        {
            NativeMethods.ErrSetLogfp(devNull);
        }

        bool abiKnown = OperatingSystem.IsLinux()
            && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;
        if (abiKnown)
        {
            NativeMethods.ErrSetCallback(&OnMessage, 0);
            IsRouted = true;
        }
    }

    /// <summary>Routes messages logged on this thread to <paramref name="logger"/> until the scope is disposed.</summary>
    public static Scope Enter(ILogger logger)
    {
        var scope = new Scope(s_logger);
        s_logger = logger;
        s_errors = null;
        return scope;
    }

    /// <summary>
    /// The ERROR/FATAL messages logged on this thread since <see cref="Enter"/>, joined with "; ", if any: a failure
    /// often logs the cause first ("Unknown argument name '-x'") and a summary last ("Failed to parse arguments").
    /// </summary>
    public static string? Errors => s_errors;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(nint userData, int level, byte* format, nint a1, nint a2, nint a3, nint a4, nint a5)
    {
        try
        {
            ILogger? logger = s_logger;
            if (logger is null)
            {
                return;
            }

            LogLevel logLevel = ToLogLevel(level);
            bool isError = level >= ErrError;
            if (!isError && !logger.IsEnabled(logLevel))
            {
                return;
            }

            string text = Format(format, a1, a2, a3, a4, a5);
            if (isError)
            {
                s_errors = s_errors is null ? text.Trim() : $"{s_errors}; {text.Trim()}";
            }

            // INFOCONT pieces continue the previous line; emit once a newline completes it.
            StringBuilder pending = s_pending ??= new StringBuilder();
            pending.Append(text);
            if (!text.EndsWith('\n') && level <= ErrInfoCont)
            {
                return;
            }

            string line = pending.ToString().TrimEnd();
            pending.Clear();
            if (line.Length > 0 && logger.IsEnabled(logLevel))
            {
                logger.Log(logLevel, "pocketsphinx: {NativeMessage}", line);
            }
        }
#pragma warning disable CA1031 // An exception must never unwind into native code.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    // INFO is hundreds of lines per decoder (config dump, model sizes): Debug keeps it out of the default view.
    private static LogLevel ToLogLevel(int level) => level switch
    {
        0 or 1 or 2 => LogLevel.Debug,
        3 => LogLevel.Warning,
        4 => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    private static string Format(byte* format, nint a1, nint a2, nint a3, nint a4, nint a5)
    {
        string fmt = Marshal.PtrToStringUTF8((nint)format) ?? string.Empty;
        return fmt switch
        {
            "%s" => Str(a1),
            "%s(%ld): %s" => $"{Str(a1)}({a2}): {Str(a3)}",
            "%s: %s(%ld): %s" => $"{Str(a1)}: {Str(a2)}({a3}): {Str(a4)}",
            "%s: \"%s\", line %ld: %s" => $"{Str(a1)}: {Str(a2)}({a3}): {Str(a4)}",
            "%s: %s\n" => $"{Str(a1).TrimEnd()}: {Str(a2)}\n",
            "%s(%ld): %s: %s\n" => $"{Str(a1)}({a2}): {Str(a3).TrimEnd()}: {Str(a4)}\n",
            "%s: %s(%ld): %s: %s\n" => $"{Str(a1)}: {Str(a2)}({a3}): {Str(a4).TrimEnd()}: {Str(a5)}\n",
            "%s: \"%s\", line %ld: %s: %s\n" => $"{Str(a1)}: {Str(a2)}({a3}): {Str(a4).TrimEnd()}: {Str(a5)}\n",

            // An unknown format: its arguments cannot be read safely, so log the format itself.
            _ => fmt,
        };
    }

    private static string Str(nint p) => Marshal.PtrToStringUTF8(p) ?? string.Empty;

    /// <summary>Restores the previous thread logger; a struct so entering a scope per native call allocates nothing.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ILogger? _previous;

        internal Scope(ILogger? previous) => _previous = previous;

        public void Dispose() => s_logger = _previous;
    }
}
