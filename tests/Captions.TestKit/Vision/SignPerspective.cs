using System.Numerics;

namespace Captions.TestKit.Vision;

/// <summary>
/// A perspective warp as the offsets, in pixels, of where each canvas corner lands (ffmpeg perspective filter,
/// sense=destination): (0,0) for a corner that stays put; moving the right corners inwards makes the sign recede to
/// the right.
/// </summary>
public sealed record SignPerspective(Vector2 TopLeft, Vector2 TopRight, Vector2 BottomRight, Vector2 BottomLeft)
{
    /// <summary>The right edge shrunk by <paramref name="inset"/> pixels at top and bottom: a sign seen from its left.</summary>
    public static SignPerspective RecedingRight(float inset) => new(Vector2.Zero, new Vector2(0, inset), new Vector2(0, -inset), Vector2.Zero);

    /// <summary>The top edge narrowed by <paramref name="inset"/> pixels at each end: a sign seen from below.</summary>
    public static SignPerspective SeenFromBelow(float inset) => new(new Vector2(inset, 0), new Vector2(-inset, 0), Vector2.Zero, Vector2.Zero);
}
