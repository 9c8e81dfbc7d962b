namespace Captions.Native.Tesseract;

/// <summary>Which recogniser Tesseract runs (TessOcrEngineMode; the values are the C API's).</summary>
public enum EngineMode
{
    /// <summary>The legacy character classifier (needs traineddata with the legacy model, as Debian's has).</summary>
    TesseractOnly = 0,

    /// <summary>The LSTM line recogniser: the accurate one, and the one used for crops.</summary>
    LstmOnly = 1,

    /// <summary>Both, combined.</summary>
    TesseractAndLstm = 2,

    /// <summary>Whatever the traineddata's config says.</summary>
    Default = 3,
}
