using System.Runtime.InteropServices;

namespace Captions.Native.Tesseract;

/// <summary>Owns a <c>TessBaseAPI*</c>; released with TessBaseAPIEnd then TessBaseAPIDelete.</summary>
internal sealed class TessBaseApi : SafeHandle
{
    public TessBaseApi()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static TessBaseApi Create()
    {
        TesseractLibrary.EnsureLoaded();
        nint pointer = TesseractNative.BaseApiCreate();
        if (pointer == 0)
        {
            throw new TesseractException("TessBaseAPICreate returned null (out of memory?)");
        }

        var result = new TessBaseApi();
        result.SetHandle(pointer);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.BaseApiEnd(handle);
        TesseractNative.BaseApiDelete(handle);
        return true;
    }
}
