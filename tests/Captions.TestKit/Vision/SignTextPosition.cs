namespace Captions.TestKit.Vision;

/// <summary>Where a sign's block of lines sits on its canvas (a margin of half the font size from the edges).</summary>
public enum SignTextPosition
{
    /// <summary>Every line centred horizontally, the block centred vertically.</summary>
    Center,

    /// <summary>Lines left-aligned, block at the top.</summary>
    TopLeft,

    /// <summary>Lines right-aligned, block at the bottom.</summary>
    BottomRight,
}
