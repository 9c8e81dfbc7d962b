using System.Reflection;
using System.Runtime.InteropServices;
using Captions.Native.FreeType.Interop;

namespace Captions.Native.FreeType;

/// <summary>
/// Loads libfreetype by versioned SONAME (Debian libfreetype6 ships only libfreetype.so.6; the unversioned
/// symlink comes with libfreetype-dev) and routes this assembly's imports to it.
/// </summary>
public static class FreeTypeNativeLibrary
{
    private static readonly string[] s_names = ["libfreetype.so.6", "libfreetype.so"];
    private static readonly Lock s_gate = new();
    private static nint s_handle;
    private static string? s_error;

    /// <summary>Loads the library once; on failure returns the dlopen reason for every name tried.</summary>
    public static bool TryLoad(out string? error)
    {
        lock (s_gate)
        {
            if (s_handle != 0 || s_error is not null)
            {
                error = s_error;
                return s_handle != 0;
            }

            var errors = new List<string>();
            foreach (string name in s_names)
            {
                if (NativeLibrary.TryLoad(name, out nint handle))
                {
                    s_handle = handle;
                    NativeLibrary.SetDllImportResolver(typeof(FreeTypeNativeLibrary).Assembly, Resolve);
                    error = null;
                    return true;
                }

                errors.Add(name);
            }

            s_error = $"FreeType could not be loaded (tried {string.Join(", ", errors)}); install libfreetype6: run ./scripts/bootstrap.sh";
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
