using Captions.Native.FreeType.Interop;
using Captions.Native.Support;

namespace Captions.Native.FreeType;

/// <summary>
/// Loads libfreetype by versioned SONAME (Debian libfreetype6 ships only libfreetype.so.6; the unversioned
/// symlink comes with libfreetype-dev) and routes this assembly's imports to it.
/// </summary>
public static class FreeTypeNativeLibrary
{
    private static readonly SonameLibrary s_library =
        new(typeof(FreeTypeNativeLibrary).Assembly, NativeMethods.Library, "FreeType", "libfreetype6", "libfreetype.so.6", "libfreetype.so");

    /// <summary>Loads the library once; on failure says which names were tried and which package to install.</summary>
    public static bool TryLoad(out string? error) => s_library.TryLoad(out error);

    internal static void EnsureLoaded() => s_library.EnsureLoaded();
}
