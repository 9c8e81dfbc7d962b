using System.Runtime.InteropServices;

namespace Captions.Renderer.OpenGL.Native;

/// <summary>Opens a system library by its versioned SONAMEs and resolves exports, failing with what to install.</summary>
internal static class NativeLibraryLoader
{
    /// <summary>Loads the first of <paramref name="fileNames"/> that opens; throws naming them all when none does.</summary>
    public static nint Load(string debianPackage, params string[] fileNames)
    {
        foreach (string fileName in fileNames)
        {
            if (NativeLibrary.TryLoad(fileName, out nint handle))
            {
                return handle;
            }
        }

        throw new GraphicsUnavailableException(
            $"{string.Join(" / ", fileNames)} could not be loaded: install Debian's {debianPackage} (run ./scripts/bootstrap.sh), " +
            "or render without a display (--display png:DIR / headless)");
    }

    public static nint Export(nint library, string libraryName, string symbol) =>
        NativeLibrary.TryGetExport(library, symbol, out nint address)
            ? address
            : throw new GraphicsUnavailableException($"{libraryName} has no export '{symbol}': the installed version is too old");
}
