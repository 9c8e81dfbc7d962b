using System.Runtime.InteropServices;

namespace Captions.Native.Tesseract;

/// <summary>
/// The parts of Tesseract's C API (tesseract/capi.h, 5.x) this binding uses. Every entry point takes the
/// <c>TessBaseAPI*</c> as a raw pointer; <see cref="TessBaseApi"/> owns it.
/// </summary>
internal static partial class TesseractNative
{
    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessVersion")]
    internal static partial nint TessVersion();

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPICreate")]
    internal static partial nint BaseApiCreate();

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIDelete")]
    internal static partial void BaseApiDelete(nint handle);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIEnd")]
    internal static partial void BaseApiEnd(nint handle);

    // int TessBaseAPIInit2(TessBaseAPI*, const char* datapath, const char* language, TessOcrEngineMode oem): 0 = ok.
    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIInit2", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int BaseApiInit2(TessBaseApi handle, string dataPath, string language, int engineMode);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPISetPageSegMode")]
    internal static partial void BaseApiSetPageSegMode(TessBaseApi handle, int mode);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPISetVariable", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool BaseApiSetVariable(TessBaseApi handle, string name, string value);

    // Copies the pixels into its own Pix: the buffer only has to live for the call.
    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPISetImage")]
    internal static unsafe partial void BaseApiSetImage(TessBaseApi handle, byte* pixels, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPISetSourceResolution")]
    internal static partial void BaseApiSetSourceResolution(TessBaseApi handle, int ppi);

    // int TessBaseAPIRecognize(TessBaseAPI*, ETEXT_DESC* monitor): 0 = ok. No monitor: no cancellation mid-line.
    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIRecognize")]
    internal static partial int BaseApiRecognize(TessBaseApi handle, nint monitor);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIGetUTF8Text")]
    internal static partial nint BaseApiGetUtf8Text(TessBaseApi handle);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessDeleteText")]
    internal static partial void DeleteText(nint text);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIMeanTextConf")]
    internal static partial int BaseApiMeanTextConf(TessBaseApi handle);

    // int* terminated by -1; freed with TessDeleteIntArray.
    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIAllWordConfidences")]
    internal static partial nint BaseApiAllWordConfidences(TessBaseApi handle);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessDeleteIntArray")]
    internal static partial void DeleteIntArray(nint array);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIClear")]
    internal static partial void BaseApiClear(TessBaseApi handle);

    [LibraryImport(TesseractLibrary.LibraryName, EntryPoint = "TessBaseAPIGetInitLanguagesAsString")]
    internal static partial nint BaseApiGetInitLanguagesAsString(TessBaseApi handle);
}
