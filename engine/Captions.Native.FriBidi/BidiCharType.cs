namespace Captions.Native.FriBidi;

/// <summary>FriBidiCharType: the Bidi_Class of a character (UAX #9 table 4), FriBidi's bit-mask encoding.</summary>
public enum BidiCharType
{
    LeftToRight = 0x110,
    RightToLeft = 0x111,
    ArabicLetter = 0x113,
    EuropeanNumber = 0x220,
    ArabicNumber = 0x222,
    EuropeanSeparator = 0x10420,
    EuropeanTerminator = 0x20420,
    CommonSeparator = 0x40420,
    NonSpacingMark = 0x80020,
    BoundaryNeutral = 0x100820,
    ParagraphSeparator = 0x202840,
    SegmentSeparator = 0x402840,
    WhiteSpace = 0x800840,
    OtherNeutral = 0x40,
    LeftToRightEmbedding = 0x1010,
    RightToLeftEmbedding = 0x1011,
    LeftToRightOverride = 0x5010,
    RightToLeftOverride = 0x5011,
    PopDirectionalFormat = 0x1020,
    LeftToRightIsolate = 0x8040,
    RightToLeftIsolate = 0x8041,
    FirstStrongIsolate = 0x2008040,
    PopDirectionalIsolate = 0x8060,
}
