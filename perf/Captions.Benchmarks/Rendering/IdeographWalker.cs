using Captions.Renderer.Text;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// Walks the CJK Unified Ideographs block from U+4E00 and hands out ideographs the CJK fallback font draws (those
/// WenQuanYi Micro Hei covers; the primary Latin font has none), each exactly once per walker: text whose glyphs no
/// atlas has seen.
/// </summary>
internal sealed class IdeographWalker
{
    private const int BlockEnd = 0x9FFF;

    private readonly FontCollection _fonts;
    private readonly int _font;
    private int _next = 0x4E00;

    public IdeographWalker(FontCollection fonts)
    {
        _fonts = fonts;
        _font = -1;
        for (int i = 0; i < fonts.Loaded.Count; i++)
        {
            if (fonts.Loaded[i].Path.EndsWith("wqy-microhei.ttc", StringComparison.Ordinal))
            {
                _font = i;
            }
        }

        if (_font < 0)
        {
            throw new InvalidOperationException("WenQuanYi Micro Hei (/usr/share/fonts/truetype/wqy/wqy-microhei.ttc, Debian fonts-wqy-microhei) is not in the font chain; run ./scripts/bootstrap.sh");
        }
    }

    /// <summary>The next <paramref name="count"/> covered ideographs, never handed out before.</summary>
    public string Next(int count)
    {
        var chars = new char[count];
        int n = 0;
        while (n < count)
        {
            if (_next > BlockEnd)
            {
                throw new InvalidOperationException($"the CJK Unified Ideographs block (U+4E00..U+9FFF) is used up after {n} of {count}; use fewer --changes");
            }

            char c = (char)_next++;
            if (_fonts.FindFont(new ReadOnlySpan<char>(in c)) == _font)
            {
                chars[n++] = c;
            }
        }

        return new string(chars);
    }
}
