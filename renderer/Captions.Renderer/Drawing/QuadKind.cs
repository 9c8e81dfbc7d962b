namespace Captions.Renderer.Drawing;

public enum QuadKind : byte
{
    /// <summary>Coverage comes from the glyph atlas (same size as the quad, at AtlasX/AtlasY), times the colour.</summary>
    Glyph,

    /// <summary>A filled rectangle in the colour (panels, placeholders, underlines).</summary>
    Solid,
}
