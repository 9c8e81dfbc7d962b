namespace Captions.Renderer.Text;

/// <summary>
/// Turns a paragraph into drawable lines: shaping (HarfBuzz) with font fallback, line breaking at Unicode break
/// opportunities, bidi reordering per line, glyphs rasterised into the atlas on first use.
/// Threading model: render thread only (it writes the atlas).
/// </summary>
public interface ITextLayouter
{
    GlyphAtlas Atlas { get; }

    /// <summary>
    /// Starts one frame's layout pass: no Layout call until the next BeginFrame evicts a glyph another call of the
    /// same pass placed, so every block of a frame stays valid together. Layouters without eviction ignore it.
    /// </summary>
    void BeginFrame()
    {
    }

    /// <summary>
    /// Lays out <paramref name="text"/> (logical order) at <paramref name="sizePx"/> pixels per em into lines no wider
    /// than <paramref name="maxWidth"/> pixels. Breaking is greedy first-fit, so it is prefix-stable: appending text
    /// never moves a break that an earlier call made inside the unchanged prefix (except on the last line the prefix
    /// reached). A word longer than a line is broken between grapheme clusters. Steady state (text already seen)
    /// allocates nothing.
    /// </summary>
    void Layout(ReadOnlySpan<char> text, int sizePx, int maxWidth, TextBlock output);
}
