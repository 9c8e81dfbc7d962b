namespace Captions.Native.FreeType;

/// <summary>
/// FT_Size_Metrics of the face's active size. Ascender, Descender (negative, below the baseline), Height and
/// MaxAdvance are 26.6 fixed point pixels (64 = 1 px); FreeType rounds them to whole pixels for scalable fonts.
/// </summary>
public readonly record struct SizeMetrics(int XPpem, int YPpem, long Ascender, long Descender, long Height, long MaxAdvance);
