using System.Reflection;
using System.Runtime.InteropServices;

namespace Captions.Native.Tesseract;

/// <summary>
/// Loads the system's libtesseract.so.5 (Debian libtesseract5) once per process, after putting
/// <c>OMP_THREAD_LIMIT=1</c> into libc's environment, and binds this assembly's [LibraryImport] declarations to it.
/// </summary>
/// <remarks>
/// Why the environment variable: libtesseract links libgomp, and OpenMP on 2 shared cores makes recognition 2-7x
/// slower (NATIVE.md: a 720p frame eng+chi_sim 827 ms with OpenMP, 111 ms without). libgomp reads
/// OMP_THREAD_LIMIT once, in its constructor, when it is loaded with libtesseract; so the variable has to be in
/// libc's environ (setenv, not <see cref="Environment.SetEnvironmentVariable(string, string)"/>, which only changes
/// .NET's copy) before the first load. A value the user already set is kept (overwrite = 0).
/// <see cref="OpenMpLoadedBeforeLimit"/> says when libgomp was already in the process (loaded by some other
/// library), in which case the limit may not apply.
/// Threading model: <see cref="EnsureLoaded"/> may be called from any thread; a lock serializes the one load.
/// setenv is not safe against a concurrent getenv on another thread, so it runs once, under that lock, before
/// any Tesseract code exists in the process.
/// </remarks>
public static class TesseractLibrary
{
    /// <summary>The library name this assembly's [LibraryImport] declarations use; the resolver maps it.</summary>
    public const string LibraryName = "tesseract";

    /// <summary>The environment variable set for libgomp and the value set.</summary>
    public const string OpenMpThreadLimitVariable = "OMP_THREAD_LIMIT";

    private const string LibCName = "libc";

    // The SONAME Debian ships (libtesseract5), then the linker name in case only the dev symlink exists.
    private static readonly string[] s_fileNames = ["libtesseract.so.5", "libtesseract.so"];

    private static readonly Lock s_gate = new();
    private static nint s_handle;
    private static nint s_libc;
    private static string? s_loadedName;
    private static string? s_version;
    private static string? s_threadLimit;
    private static bool s_openMpLoadedBefore;
    private static bool s_resolverSet;

    /// <summary>TessVersion() of the loaded library ("5.3.0"); loads it if needed.</summary>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            return s_version!;
        }
    }

    /// <summary>The name the library was loaded under ("libtesseract.so.5"), or null before a load.</summary>
    public static string? LoadedName
    {
        get
        {
            lock (s_gate)
            {
                return s_loadedName;
            }
        }
    }

    /// <summary>
    /// OMP_THREAD_LIMIT as libc's getenv saw it right before libtesseract (and its libgomp) was loaded: "1" unless
    /// the user set another value. Loads the library if needed.
    /// </summary>
    public static string? OpenMpThreadLimit
    {
        get
        {
            EnsureLoaded();
            return s_threadLimit;
        }
    }

    /// <summary>True when libgomp was already mapped before libtesseract loaded, so the limit may not have applied.</summary>
    public static bool OpenMpLoadedBeforeLimit
    {
        get
        {
            EnsureLoaded();
            return s_openMpLoadedBefore;
        }
    }

    /// <summary>Loads and binds libtesseract if it is not yet loaded.</summary>
    /// <exception cref="TesseractException">The library is not installed or does not load.</exception>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref s_handle) != 0)
        {
            return;
        }

        lock (s_gate)
        {
            if (s_handle != 0)
            {
                return;
            }

            if (!s_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(TesseractLibrary).Assembly, Resolve);
                s_resolverSet = true;
            }

            s_libc = NativeLibrary.Load("libc.so.6");
            s_openMpLoadedBefore = IsMapped("libgomp");
            _ = LibC.SetEnv(OpenMpThreadLimitVariable, "1", overwrite: 0);
            s_threadLimit = LibC.GetEnvironmentVariable(OpenMpThreadLimitVariable);

            var failures = new List<string>();
            foreach (string name in s_fileNames)
            {
                if (NativeLibrary.TryLoad(name, out nint handle))
                {
                    if (!NativeLibrary.TryGetExport(handle, "TessBaseAPIInit2", out _))
                    {
                        failures.Add($"{name} loads but does not export TessBaseAPIInit2");
                        continue;
                    }

                    s_loadedName = name;
                    Volatile.Write(ref s_handle, handle);
                    s_version = Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? string.Empty;
                    return;
                }

                failures.Add($"{name} not found");
            }

            throw new TesseractException(
                $"Tesseract is not installed: {string.Join("; ", failures)} (install the Debian package libtesseract5)");
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (string.Equals(libraryName, LibraryName, StringComparison.Ordinal))
        {
            return Volatile.Read(ref s_handle);
        }

        // "libc" alone would be probed as libc.so, which on Debian is a linker script, not a library.
        return string.Equals(libraryName, LibCName, StringComparison.Ordinal) ? Volatile.Read(ref s_libc) : 0;
    }

    private static bool IsMapped(string libraryStem)
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                if (line.Contains(libraryStem, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            // No procfs: cannot tell; report "not loaded before", the common case.
        }

        return false;
    }
}
