using Captions.Native.FreeType.Interop;

namespace Captions.Native.FreeType;

/// <summary>
/// One FT_Library instance (SharpFont's <c>Library</c>). Faces opened from it keep it alive until they are disposed.
/// Threading model: FreeType objects are not thread-safe; use a library and its faces from one thread at a time.
/// </summary>
public sealed class FreeTypeLibrary : IDisposable
{
    private readonly FreeTypeLibraryHandle _handle;

    public FreeTypeLibrary()
    {
        FreeTypeNativeLibrary.EnsureLoaded();
        int error = NativeMethods.FT_Init_FreeType(out nint library);
        if (error != 0)
        {
            throw new FreeTypeException("FT_Init_FreeType", error, fontPath: null);
        }

        _handle = new FreeTypeLibraryHandle();
        _handle.Initialize(library);
        NativeMethods.FT_Library_Version(library, out int major, out int minor, out int patch);
        Version = new Version(major, minor, patch);
    }

    /// <summary>The loaded FreeType's version (2.12.1 on Debian 12).</summary>
    public Version Version { get; }

    public FreeTypeLibraryHandle Handle => _handle;

    /// <summary>
    /// Opens face <paramref name="faceIndex"/> of a font file (index > 0 selects a face of a .ttc collection).
    /// Throws <see cref="FileNotFoundException"/> for a missing file and <see cref="FreeTypeException"/> naming the
    /// file for anything FreeType cannot read (corrupt or unsupported).
    /// </summary>
    public FreeTypeFace OpenFace(string path, int faceIndex = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(faceIndex);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"font file '{path}' does not exist", path);
        }

        int error = NativeMethods.FT_New_Face(_handle.DangerousGetHandle(), path, faceIndex, out nint face);
        if (error != 0)
        {
            throw new FreeTypeException($"FT_New_Face (face {faceIndex})", error, path);
        }

        var faceHandle = new FreeTypeFaceHandle();
        faceHandle.Initialize(face, _handle);
        return new FreeTypeFace(faceHandle, path, faceIndex);
    }

    public void Dispose() => _handle.Dispose();
}
