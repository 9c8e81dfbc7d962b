using Captions.Native.FriBidi.Interop;
using Captions.Native.Support;

namespace Captions.Native.FriBidi;

/// <summary>Loads libfribidi by versioned SONAME (Debian libfribidi0 ships only libfribidi.so.0).</summary>
public static class FriBidiNativeLibrary
{
    private static readonly SonameLibrary s_library =
        new(typeof(FriBidiNativeLibrary).Assembly, NativeMethods.Library, "FriBidi", "libfribidi0", "libfribidi.so.0", "libfribidi.so");

    /// <summary>Loads the library once; on failure says which names were tried and which package to install.</summary>
    public static bool TryLoad(out string? error) => s_library.TryLoad(out error);

    internal static void EnsureLoaded() => s_library.EnsureLoaded();
}
