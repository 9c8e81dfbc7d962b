using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Captions.Native.Whisper;

/// <summary>
/// Loads libwhisper.so from the directory scripts/bootstrap.sh built it into and binds this assembly's
/// [LibraryImport] declarations to it. Used by <c>captions doctor</c> to probe the library once at start-up.
/// </summary>
/// <remarks>
/// Threading model: <see cref="TryLoad"/> may be called from any thread; a lock serializes loading and the calls
/// into whisper_print_system_info, whose result lives in a static std::string that each call rewrites.
/// A process binds one whisper library (a DllImportResolver is per assembly and set once), so the first
/// successful load wins and a later load from another directory fails with a message saying so.
/// </remarks>
public static class WhisperLibrary
{
    /// <summary>The library name this assembly's [LibraryImport] declarations use; the resolver maps it.</summary>
    public const string LibraryName = "whisper";

    // The linker name first (the bootstrap installs it), then the SONAME and the full version, in case only the
    // runtime files were copied somewhere.
    private static readonly string[] s_fileNames = ["libwhisper.so", "libwhisper.so.1", "libwhisper.so.1.9.1"];

    private static readonly Lock s_gate = new();
    private static nint s_handle;
    private static string? s_loadedPath;
    private static bool s_resolverSet;

    /// <summary>The file the bound library was loaded from, or null before a successful <see cref="TryLoad"/>.</summary>
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

    /// <summary>
    /// Loads libwhisper from <paramref name="libraryDirectory"/> (e.g. CaptionsPaths.WhisperLibraryDirectory) and
    /// reads its version and compiled-in CPU features.
    /// </summary>
    /// <param name="libraryDirectory">Directory holding libwhisper.so* and its libggml*.so* dependencies.</param>
    /// <param name="version">whisper_version(), e.g. "1.9.1".</param>
    /// <param name="systemInfo">whisper_print_system_info(): which CPU features the build uses.</param>
    /// <param name="error">Why loading failed: the missing file, or the dynamic loader's own message.</param>
    /// <returns>True when the library is loaded and bound.</returns>
    public static bool TryLoad(
        string libraryDirectory,
        [NotNullWhen(true)] out string? version,
        [NotNullWhen(true)] out string? systemInfo,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryDirectory);
        version = null;
        systemInfo = null;

        if (!Directory.Exists(libraryDirectory))
        {
            error = $"whisper library directory '{libraryDirectory}' does not exist: run ./scripts/bootstrap.sh to build whisper.cpp";
            return false;
        }

        string? path = FindLibraryFile(libraryDirectory);
        if (path is null)
        {
            error = $"no {string.Join(", ", s_fileNames)} in '{libraryDirectory}': run ./scripts/bootstrap.sh to build whisper.cpp";
            return false;
        }

        lock (s_gate)
        {
            if (!string.Equals(s_loadedPath, path, StringComparison.Ordinal))
            {
                // Open before checking what is bound, so a broken file reports the loader's reason either way.
                if (!TryOpen(path, out nint handle, out error))
                {
                    return false;
                }

                if (s_handle != 0)
                {
                    NativeLibrary.Free(handle);
                    error = $"libwhisper is already loaded from '{s_loadedPath}'; a process binds one whisper library, so '{path}' was not used";
                    return false;
                }

                Bind(handle, path);
            }

            version = Marshal.PtrToStringUTF8(WhisperNative.WhisperVersion()) ?? string.Empty;
            systemInfo = (Marshal.PtrToStringUTF8(WhisperNative.WhisperPrintSystemInfo()) ?? string.Empty).Trim();
        }

        error = null;
        return true;
    }

    private static string? FindLibraryFile(string libraryDirectory)
    {
        foreach (string fileName in s_fileNames)
        {
            string candidate = Path.GetFullPath(Path.Combine(libraryDirectory, fileName));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool TryOpen(string path, out nint handle, [NotNullWhen(false)] out string? error)
    {
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            handle = 0;
            error = $"loading '{path}' failed: {DynamicLoaderMessage(ex.Message)}";
            return false;
        }

        // Both entry points exist since whisper.cpp 1.5; their absence means some other library sits under the name.
        if (!NativeLibrary.TryGetExport(handle, "whisper_version", out _)
            || !NativeLibrary.TryGetExport(handle, "whisper_print_system_info", out _))
        {
            NativeLibrary.Free(handle);
            handle = 0;
            error = $"'{path}' loads but does not export whisper_version and whisper_print_system_info: not a whisper.cpp 1.9 library";
            return false;
        }

        error = null;
        return true;
    }

    // Caller holds s_gate.
    private static void Bind(nint handle, string path)
    {
        if (!s_resolverSet)
        {
            NativeLibrary.SetDllImportResolver(typeof(WhisperLibrary).Assembly, Resolve);
            s_resolverSet = true;
        }

        Volatile.Write(ref s_handle, handle);
        s_loadedPath = path;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, LibraryName, StringComparison.Ordinal))
        {
            return 0;
        }

        // Read without the lock: the resolver runs once per import, after TryBind published the handle under it.
        return Volatile.Read(ref s_handle);
    }

    // .NET wraps dlerror() in advice about strace and LD_DEBUG; the loader's own line comes last and is the reason.
    private static string DynamicLoaderMessage(string message)
    {
        string[] lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? message : lines[^1];
    }
}
