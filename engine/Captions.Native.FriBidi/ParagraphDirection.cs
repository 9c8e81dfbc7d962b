namespace Captions.Native.FriBidi;

/// <summary>FriBidiParType: requested or resolved paragraph direction (fribidi-bidi-types.h values).</summary>
public enum ParagraphDirection
{
    /// <summary>FRIBIDI_PAR_ON: from the first strong character (rules P2/P3), left-to-right when there is none.</summary>
    Auto = 0x40,

    LeftToRight = 0x110,

    RightToLeft = 0x111,

    /// <summary>FRIBIDI_PAR_WLTR: auto, falling back to left-to-right.</summary>
    WeakLeftToRight = 0x20,

    /// <summary>FRIBIDI_PAR_WRTL: auto, falling back to right-to-left.</summary>
    WeakRightToLeft = 0x21,
}
