using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Captions.Native.OnnxRuntime;

/// <summary>
/// Loads libonnxruntime.so.1 (the file CaptionsPaths.OnnxRuntimeLibraryPath names) and reads its C API function
/// table through <c>OrtGetApiBase()-&gt;GetApi(version)</c>. Nothing here uses [DllImport]: every call goes through
/// that table, so only the one exported symbol has to resolve.
/// </summary>
/// <remarks>
/// Threading model: loading is serialized by a lock; after a successful load the table is immutable and read
/// from any thread. A process binds one ONNX Runtime (ORT's environment is process-wide), so the first
/// successful load wins and a later load from another file fails with a message saying so.
/// </remarks>
public static unsafe class OnnxRuntimeLibrary
{
    /// <summary>The highest OrtApi version this binding asks for (ORT 1.30 implements 30).</summary>
    public const int MaxApiVersion = 30;

    // Every table index used by OrtApi exists since version 1; asking for the newest first only records what the
    // library offers (GetApi returns null, and prints to stderr, for a version it does not know).
    private const int MinApiVersion = 1;

    private static readonly Lock s_gate = new();
    private static nint s_table;
    private static string? s_loadedPath;
    private static string? s_version;
    private static int s_apiVersion;

    /// <summary>The file the library was loaded from, or null before a successful load.</summary>
    public static string? LoadedPath
    {
        get
        {
            lock (s_gate)
            {
                return s_loadedPath;
            }
        }
    }

    /// <summary>The OrtApi version obtained (at most <see cref="MaxApiVersion"/>), or 0 before a successful load.</summary>
    public static int ApiVersion => Volatile.Read(ref s_apiVersion);

    internal static OrtApi Api
    {
        get
        {
            nint table = Volatile.Read(ref s_table);
            if (table == 0)
            {
                throw new InvalidOperationException(
                    "ONNX Runtime is not loaded: call OnnxRuntimeLibrary.Load(CaptionsPaths.OnnxRuntimeLibraryPath) first.");
            }

            return new OrtApi(table);
        }
    }

    /// <summary>Loads the library for <c>captions doctor</c>: never throws for a missing or broken file.</summary>
    /// <param name="libraryPath">Path of libonnxruntime.so.1.</param>
    /// <param name="version">ORT's version string, e.g. "1.30.0".</param>
    /// <param name="error">Why loading failed: the missing file, or the dynamic loader's own message.</param>
    public static bool TryLoad(
        string libraryPath,
        [NotNullWhen(true)] out string? version,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryPath);
        string path = Path.GetFullPath(libraryPath);
        version = null;
        if (!File.Exists(path))
        {
            error = $"ONNX Runtime library '{path}' does not exist: run ./scripts/bootstrap.sh";
            return false;
        }

        lock (s_gate)
        {
            if (s_loadedPath is not null)
            {
                if (!string.Equals(s_loadedPath, path, StringComparison.Ordinal))
                {
                    error = $"ONNX Runtime is already loaded from '{s_loadedPath}'; a process binds one, so '{path}' was not used";
                    return false;
                }

                version = s_version!;
                error = null;
                return true;
            }

            if (!TryBind(path, out error))
            {
                return false;
            }

            version = s_version!;
            return true;
        }
    }

    /// <summary>Loads the library or throws <see cref="OnnxRuntimeException"/> saying why.</summary>
    /// <returns>ORT's version string.</returns>
    public static string Load(string libraryPath)
    {
        if (!TryLoad(libraryPath, out string? version, out string? error))
        {
            throw new OnnxRuntimeException(error);
        }

        return version;
    }

    /// <summary>Throws <see cref="OnnxRuntimeException"/> when <paramref name="status"/> is not OK (and releases it).</summary>
    internal static void Check(nint status, string operation, string? modelPath = null)
    {
        if (status == 0)
        {
            return;
        }

        ThrowFromStatus(status, operation, modelPath);
    }

    [DoesNotReturn]
    private static void ThrowFromStatus(nint status, string operation, string? modelPath)
    {
        (int code, string message) = Api.TakeStatus(status)!.Value;
        throw new OnnxRuntimeException((OrtErrorCode)code, message, operation, modelPath);
    }

    // Caller holds s_gate.
    private static bool TryBind(string path, [NotNullWhen(false)] out string? error)
    {
        nint handle;
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            error = $"loading '{path}' failed: {LastLine(ex.Message)}";
            return false;
        }

        if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out nint getApiBase))
        {
            NativeLibrary.Free(handle);
            error = $"'{path}' loads but does not export OrtGetApiBase: not an ONNX Runtime library";
            return false;
        }

        // OrtApiBase is { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }.
        nint* apiBase = ((delegate* unmanaged<nint*>)getApiBase)();
        var getApi = (delegate* unmanaged<uint, nint>)apiBase[0];
        var getVersionString = (delegate* unmanaged<byte*>)apiBase[1];
        string version = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? string.Empty;

        for (int apiVersion = MaxApiVersion; apiVersion >= MinApiVersion; apiVersion--)
        {
            nint table = getApi((uint)apiVersion);
            if (table != 0)
            {
                // The handle stays open for the process: the table points into the library.
                s_version = version;
                s_loadedPath = path;
                Volatile.Write(ref s_apiVersion, apiVersion);
                Volatile.Write(ref s_table, table);
                error = null;
                return true;
            }
        }

        NativeLibrary.Free(handle);
        error = $"'{path}' (ONNX Runtime {version}) offers no OrtApi version between {MinApiVersion} and {MaxApiVersion}";
        return false;
    }

    // .NET wraps dlerror() in advice about strace and LD_DEBUG; the loader's own line comes last and is the reason.
    private static string LastLine(string message)
    {
        string[] lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? message : lines[^1];
    }
}
