using Captions.Renderer.Text;

namespace Captions.TestKit.Rendering;

/// <summary>
/// Test double for layout logic only: every character advances size/2 pixels, lines break greedily at spaces (a word
/// longer than a line is cut between characters), and each non-space character is one solid block (advance - 1 wide,
/// ascent tall) blitted once per size into the atlas. Deterministic and allocation-free once a size has been seen,
/// like the real layouter's contract. Cluster = the character's index.
/// </summary>
public sealed class MonospaceTextLayouter : ITextLayouter
{
    private readonly Dictionary<int, (int X, int Y)> _blocks = [];
    private int _nextX;

    public GlyphAtlas Atlas { get; } = new(1024, 256);

    public int LayoutCalls { get; private set; }

    /// <summary>Lay every line out right to left (first character at the right end), as a Hebrew or Arabic paragraph.</summary>
    public bool RightToLeft { get; set; }

    public static int Advance(int sizePx) => Math.Max(1, sizePx / 2);

    public static int Ascent(int sizePx) => Math.Max(1, sizePx * 4 / 5);

    public static int LineHeight(int sizePx) => Math.Max(2, (sizePx * 6 / 5) + 1);

    public void Layout(ReadOnlySpan<char> text, int sizePx, int maxWidth, TextBlock output)
    {
        ArgumentNullException.ThrowIfNull(output);
        LayoutCalls++;
        output.Clear();
        var advance = Advance(sizePx);
        output.LineHeight = LineHeight(sizePx);
        output.Ascent = Ascent(sizePx);
        output.Descent = output.LineHeight - output.Ascent;
        var block = Block(sizePx);
        var maxChars = Math.Max(1, maxWidth / advance);

        var i = 0;
        while (i < text.Length)
        {
            int end;
            int next;
            if (text.Length - i <= maxChars)
            {
                end = text.Length;
                next = end;
            }
            else
            {
                var space = text.Slice(i, maxChars + 1).LastIndexOf(' ');
                if (space > 0)
                {
                    end = i + space;
                    next = end;
                }
                else
                {
                    end = i + maxChars;
                    next = end;
                }
            }

            while (end > i && text[end - 1] == ' ')
            {
                end--;
            }

            for (var c = i; c < end; c++)
            {
                if (text[c] != ' ')
                {
                    var column = RightToLeft ? end - 1 - c : c - i;
                    output.AddGlyph(new PositionedGlyph(column * advance, -output.Ascent, advance - 1 > 0 ? advance - 1 : 1, output.Ascent, block.X, block.Y, c));
                }
            }

            output.EndLine(i, end - i, (end - i) * advance, RightToLeft);
            i = next;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }
    }

    private (int X, int Y) Block(int sizePx)
    {
        if (_blocks.TryGetValue(sizePx, out var at))
        {
            return at;
        }

        var width = Math.Max(1, Advance(sizePx) - 1);
        var height = Ascent(sizePx);
        if (_nextX + width > Atlas.Width || height > Atlas.Height)
        {
            throw new InvalidOperationException($"test atlas full at size {sizePx}");
        }

        var coverage = new byte[width * height];
        coverage.AsSpan().Fill(255);
        Atlas.Blit(_nextX, 0, width, height, coverage, width);
        at = (_nextX, 0);
        _nextX += width + 1;
        _blocks[sizePx] = at;
        return at;
    }
}
