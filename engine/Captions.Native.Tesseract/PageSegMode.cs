namespace Captions.Native.Tesseract;

/// <summary>How Tesseract splits the image into blocks and lines (TessPageSegMode; the values are the C API's).</summary>
public enum PageSegMode
{
    OsdOnly = 0,
    AutoOsd = 1,
    AutoOnly = 2,

    /// <summary>Full page layout analysis: returns nothing on a small crop (NATIVE.md), not for crops.</summary>
    Auto = 3,
    SingleColumn = 4,
    SingleBlockVertText = 5,

    /// <summary>One uniform block of text.</summary>
    SingleBlock = 6,

    /// <summary>Exactly one text line: what a detector's crop is.</summary>
    SingleLine = 7,
    SingleWord = 8,
    CircleWord = 9,
    SingleChar = 10,

    /// <summary>As much text as possible in no particular order.</summary>
    SparseText = 11,
    SparseTextOsd = 12,
    RawLine = 13,
}
