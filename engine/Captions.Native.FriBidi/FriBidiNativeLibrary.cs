using System.Reflection;
using System.Runtime.InteropServices;
using Captions.Native.FriBidi.Interop;

namespace Captions.Native.FriBidi;

/// <summary>Loads libfribidi by versioned SONAME (Debian libfribidi0 ships only libfribidi.so.0).</summary>
public static class FriBidiNativeLibrary
{
    private static readonly string[] s_names = ["libfribidi.so.0", "libfribidi.so"];
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
                    NativeLibrary.SetDllImportResolver(typeof(FriBidiNativeLibrary).Assembly, Resolve);
                    error = null;
                    return true;
                }
            }

            s_error = $"FriBidi could not be loaded (tried {string.Join(", ", s_names)}); install libfribidi0: run ./scripts/bootstrap.sh";
            error = s_error;
            return false;
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
