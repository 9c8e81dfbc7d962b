namespace Captions.Renderer.Text;

/// <summary>
/// One glyph of a laid-out line, ready to draw: (X, Y) is the top-left of its bitmap relative to the line's origin
/// (left edge of the line, on the baseline; y down), Width x Height its bitmap, which sits in the atlas at
/// (AtlasX, AtlasY). <see cref="Cluster"/> is the UTF-16 index, in the text given to the layouter, of the first
/// character this glyph renders (lets callers colour committed and partial words differently).
/// </summary>
public readonly record struct PositionedGlyph(int X, int Y, int Width, int Height, int AtlasX, int AtlasY, int Cluster);
