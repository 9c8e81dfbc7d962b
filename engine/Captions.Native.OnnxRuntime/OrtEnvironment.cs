using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Captions.Native.OnnxRuntime;

/// <summary>
/// ORT's process-wide environment (logging, global state) and the CPU memory description tensors are created
/// with. ORT keeps one OrtEnv per process, so this is a process singleton: <see cref="GetOrCreate"/> returns the
/// same instance every time and it lives until the process exits (releasing it while sessions exist is undefined).
/// </summary>
/// <remarks>
/// Threading model: thread-safe. ORT log messages arrive on whichever thread ORT logs from and go to the
/// <see cref="ILogger"/> given to the first <see cref="GetOrCreate"/>.
/// </remarks>
public sealed unsafe partial class OrtEnvironment
{
    // OrtAllocatorType.OrtArenaAllocator and OrtMemType.OrtMemTypeDefault, as ORT's own C# binding uses for
    // tensors over caller memory: the allocator type only describes the buffer, ORT never frees it.
    private const int ArenaAllocator = 1;
    private const int MemTypeDefault = 0;

    private static readonly Lock s_gate = new();
    private static OrtEnvironment? s_instance;

    private readonly GCHandle _loggerHandle;

    private OrtEnvironment(OrtHandle handle, OrtHandle cpuMemoryInfo, string version, OrtLoggingLevel loggingLevel, GCHandle loggerHandle)
    {
        Handle = handle;
        CpuMemoryInfo = cpuMemoryInfo;
        Version = version;
        LoggingLevel = loggingLevel;
        _loggerHandle = loggerHandle;
    }

    /// <summary>ORT's version string, e.g. "1.30.0".</summary>
    public string Version { get; }

    /// <summary>The least severe ORT message passed to the logger.</summary>
    public OrtLoggingLevel LoggingLevel { get; }

    /// <summary>The OrtApi version in use.</summary>
    public static int ApiVersion => OnnxRuntimeLibrary.ApiVersion;

    internal OrtHandle Handle { get; }

    internal OrtHandle CpuMemoryInfo { get; }

    /// <summary>
    /// Loads <paramref name="libraryPath"/> (see <see cref="OnnxRuntimeLibrary.Load"/>) and creates the environment,
    /// or returns the one already created (its logger and level stay those of the first call).
    /// </summary>
    /// <param name="libraryPath">libonnxruntime.so.1, e.g. CaptionsPaths.OnnxRuntimeLibraryPath.</param>
    /// <param name="logger">Receives ORT's log messages; null drops them.</param>
    /// <param name="loggingLevel">Least severe message forwarded. Warning by default: ORT logs every session's
    /// graph transformations at Info.</param>
    /// <exception cref="OnnxRuntimeException">The library cannot be loaded or the environment cannot be created.</exception>
    public static OrtEnvironment GetOrCreate(string libraryPath, ILogger? logger = null, OrtLoggingLevel loggingLevel = OrtLoggingLevel.Warning)
    {
        lock (s_gate)
        {
            if (s_instance is not null)
            {
                return s_instance;
            }

            string version = OnnxRuntimeLibrary.Load(libraryPath);
            OrtApi api = OnnxRuntimeLibrary.Api;
            GCHandle loggerHandle = logger is null ? default : GCHandle.Alloc(logger);
            nint env = 0;
            fixed (byte* logId = "captions"u8)
            {
                nint status = logger is null
                    ? api.CreateEnv((int)loggingLevel, logId, &env)
                    : api.CreateEnvWithCustomLogger(&OnLog, GCHandle.ToIntPtr(loggerHandle), (int)loggingLevel, logId, &env);
                if (status != 0 && loggerHandle.IsAllocated)
                {
                    loggerHandle.Free();
                }

                OnnxRuntimeLibrary.Check(status, "creating the environment");
            }

            nint memoryInfo = 0;
            OnnxRuntimeLibrary.Check(api.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &memoryInfo), "creating the CPU memory info");
            s_instance = new OrtEnvironment(
                new OrtHandle(env, OrtHandleKind.Env),
                new OrtHandle(memoryInfo, OrtHandleKind.MemoryInfo),
                version,
                loggingLevel,
                loggerHandle);
            return s_instance;
        }
    }

    /// <summary>Whether a logger receives ORT's messages (for diagnostics).</summary>
    public bool HasLogger => _loggerHandle.IsAllocated;

    [UnmanagedCallersOnly]
    private static void OnLog(nint param, int severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        // An exception must not unwind into ORT's native frames: a logger that throws loses the message.
        try
        {
            if (GCHandle.FromIntPtr(param).Target is not ILogger logger)
            {
                return;
            }

            LogLevel level = severity switch
            {
                0 => LogLevel.Trace,
                1 => LogLevel.Information,
                2 => LogLevel.Warning,
                3 => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (logger.IsEnabled(level))
            {
                LogOrtMessage(
                    logger,
                    level,
                    Marshal.PtrToStringUTF8((nint)category) ?? string.Empty,
                    Marshal.PtrToStringUTF8((nint)message) ?? string.Empty);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing sensible to do: the logger itself failed.
        }
    }

    [LoggerMessage(EventId = 1, Message = "onnxruntime [{Category}] {OrtMessage}")]
    private static partial void LogOrtMessage(ILogger logger, LogLevel level, string category, string ortMessage);
}
