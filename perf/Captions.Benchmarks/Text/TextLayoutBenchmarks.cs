using BenchmarkDotNet.Attributes;
using Captions.Renderer.Text;

namespace Captions.Benchmarks.Text;

/// <summary>
/// Caption text layout (FreeType + HarfBuzz + FriBidi): a cached 2-line English and a 2-line Chinese caption at
/// broadcast size (40 px per em in a 900 px column, ~42 Latin characters per line), and the cost of one glyph never
/// seen before (rasterise + pack into the atlas, amortised shelf eviction included) against the same call with the
/// glyph cached. Measured here (ShortRun, 2 shared cores at load average ~18, so upper bounds): English 2 lines
/// 112 us, Chinese 2 lines 42 us, one cached CJK glyph 4.2 us, one new CJK glyph 85 us (~80 us of FreeType
/// rasterising + shelf packing + amortised eviction); 0 B allocated in every case.
/// </summary>
[MemoryDiagnoser]
public class TextLayoutBenchmarks
{
    private const string English = "The quick brown fox jumps over the lazy dog while the captions keep up with every word";
    private const string Chinese = "我们今天去公园散步，天气非常好。然后我们一起吃了午饭，聊了很多事情。";
    private const int SizePx = 40;
    private const int Width = 900;

    // 20,992 ideographs U+4E00..U+9FFF: a 512x512 atlas holds ~300 of them at 24 px, so cycling through them always
    // meets an unseen glyph and keeps the LRU shelf eviction running.
    private const int FirstIdeograph = 0x4E00;
    private const int IdeographCount = 0x9FFF - 0x4E00 + 1;

    private readonly TextBlock _block = new();
    private readonly char[] _one = new char[1];
    private TextLayouter _layouter = null!;
    private TextLayouter _newGlyphs = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _layouter = new TextLayouter(new GlyphAtlas(1024, 1024));
        _newGlyphs = new TextLayouter(new GlyphAtlas(512, 512));
        _layouter.Layout(English, SizePx, Width, _block);
        _layouter.Layout(Chinese, SizePx, Width, _block);
        _layouter.Layout("中", 24, Width, _block);
        if (_block.LineCount != 1)
        {
            throw new InvalidOperationException("setup: expected one line");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _layouter.Dispose();
        _newGlyphs.Dispose();
    }

    [Benchmark]
    public int EnglishTwoLinesCached()
    {
        _layouter.Layout(English, SizePx, Width, _block);
        return _block.LineCount;
    }

    [Benchmark]
    public int ChineseTwoLinesCached()
    {
        _layouter.Layout(Chinese, SizePx, Width, _block);
        return _block.LineCount;
    }

    [Benchmark(Baseline = true)]
    public int OneCjkGlyphCached()
    {
        _one[0] = '中';
        _layouter.Layout(_one, 24, Width, _block);
        return _block.LineCount;
    }

    [Benchmark]
    public int OneCjkGlyphNew()
    {
        _one[0] = (char)(FirstIdeograph + (_next++ % IdeographCount));
        _newGlyphs.Layout(_one, 24, Width, _block);
        return _block.LineCount;
    }
}
