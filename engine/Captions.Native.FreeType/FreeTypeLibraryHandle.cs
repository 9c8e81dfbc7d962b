using System.Runtime.InteropServices;
using Captions.Native.FreeType.Interop;

namespace Captions.Native.FreeType;

/// <summary>Owns an FT_Library; released with FT_Done_FreeType after every face handle let go of it.</summary>
public sealed class FreeTypeLibraryHandle : SafeHandle
{
    public FreeTypeLibraryHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal void Initialize(nint value) => SetHandle(value);

    protected override bool ReleaseHandle() => NativeMethods.FT_Done_FreeType(handle) == 0;
}
