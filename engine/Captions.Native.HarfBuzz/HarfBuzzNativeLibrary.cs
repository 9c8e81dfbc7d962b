using System.Runtime.InteropServices;
using Captions.Native.HarfBuzz.Interop;
using Captions.Native.Support;

namespace Captions.Native.HarfBuzz;

/// <summary>
/// Loads libharfbuzz by versioned SONAME (Debian libharfbuzz0b ships only libharfbuzz.so.0) and routes this
/// assembly's imports to it.
/// </summary>
public static class HarfBuzzNativeLibrary
{
    private static readonly SonameLibrary s_library =
        new(typeof(HarfBuzzNativeLibrary).Assembly, NativeMethods.Library, "HarfBuzz", "libharfbuzz0b", "libharfbuzz.so.0", "libharfbuzz.so");

    /// <summary>Loads the library once; on failure says which names were tried and which package to install.</summary>
    public static bool TryLoad(out string? error) => s_library.TryLoad(out error);

    /// <summary>The loaded HarfBuzz version ("6.0.0" on Debian 12).</summary>
    public static unsafe string Version
    {
        get
        {
            EnsureLoaded();
            return Marshal.PtrToStringUTF8((nint)NativeMethods.hb_version_string()) ?? "unknown";
        }
    }

    internal static void EnsureLoaded() => s_library.EnsureLoaded();
}
