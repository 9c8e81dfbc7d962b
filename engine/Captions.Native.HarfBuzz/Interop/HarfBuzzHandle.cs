using System.Runtime.InteropServices;

namespace Captions.Native.HarfBuzz.Interop;

/// <summary>Owns one reference to a HarfBuzz object; releases it with the matching hb_*_destroy.</summary>
internal sealed class HarfBuzzHandle : SafeHandle
{
    private readonly HarfBuzzObjectKind _kind;

    internal HarfBuzzHandle(nint value, HarfBuzzObjectKind kind)
        : base(0, ownsHandle: true)
    {
        _kind = kind;
        SetHandle(value);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        switch (_kind)
        {
            case HarfBuzzObjectKind.Blob:
                NativeMethods.hb_blob_destroy(handle);
                break;
            case HarfBuzzObjectKind.Face:
                NativeMethods.hb_face_destroy(handle);
                break;
            case HarfBuzzObjectKind.Font:
                NativeMethods.hb_font_destroy(handle);
                break;
            default:
                NativeMethods.hb_buffer_destroy(handle);
                break;
        }

        return true;
    }
}
