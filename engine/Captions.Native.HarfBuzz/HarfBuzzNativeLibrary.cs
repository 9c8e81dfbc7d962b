using System.Reflection;
using System.Runtime.InteropServices;
using Captions.Native.HarfBuzz.Interop;

namespace Captions.Native.HarfBuzz;

/// <summary>
/// Loads libharfbuzz by versioned SONAME (Debian libharfbuzz0b ships only libharfbuzz.so.0) and routes this
/// assembly's imports to it.
/// </summary>
public static class HarfBuzzNativeLibrary
{
    private static readonly string[] s_names = ["libharfbuzz.so.0", "libharfbuzz.so"];
    private static readonly Lock s_gate = new();
    private static nint s_handle;
    private static string? s_error;

    public static bool TryLoad(out string? error)
    {
        lock (s_gate)
        {
            if (s_handle != 0 || s_error is not null)
            {
                error = s_error;
                return s_handle != 0;
            }

            foreach (string name in s_names)
            {
                if (NativeLibrary.TryLoad(name, out nint handle))
                {
                    s_handle = handle;
                    NativeLibrary.SetDllImportResolver(typeof(HarfBuzzNativeLibrary).Assembly, Resolve);
                    error = null;
                    return true;
                }
            }

            s_error = $"HarfBuzz could not be loaded (tried {string.Join(", ", s_names)}); install libharfbuzz0b: run ./scripts/bootstrap.sh";
            error = s_error;
            return false;
        }
    }

    /// <summary>The loaded HarfBuzz version ("6.0.0" on Debian 12).</summary>
    public static unsafe string Version
    {
        get
        {
            EnsureLoaded();
            return Marshal.PtrToStringUTF8((nint)NativeMethods.hb_version_string()) ?? "unknown";
        }
    }

    internal static void EnsureLoaded()
    {
        if (!TryLoad(out string? error))
        {
            throw new DllNotFoundException(error);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == NativeMethods.Library ? s_handle : 0;
}
