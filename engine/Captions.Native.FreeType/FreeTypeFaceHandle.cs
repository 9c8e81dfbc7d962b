using System.Runtime.InteropServices;
using Captions.Native.FreeType.Interop;

namespace Captions.Native.FreeType;

/// <summary>
/// Owns an FT_Face. Holds a reference on its library handle, so the library cannot be freed (FT_Done_FreeType frees
/// every face) while a face is alive.
/// </summary>
public sealed class FreeTypeFaceHandle : SafeHandle
{
    private FreeTypeLibraryHandle? _library;

    public FreeTypeFaceHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal void Initialize(nint value, FreeTypeLibraryHandle library)
    {
        bool added = false;
        library.DangerousAddRef(ref added);
        _library = library;
        SetHandle(value);
    }

    protected override bool ReleaseHandle()
    {
        bool ok = NativeMethods.FT_Done_Face(handle) == 0;
        _library?.DangerousRelease();
        _library = null;
        return ok;
    }
}
