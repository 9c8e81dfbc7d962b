using Captions.Native.FreeType;
using Captions.Native.HarfBuzz;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Renderer.Text;

/// <summary>
/// An ordered font fallback chain: each grapheme cluster is drawn with the first font that has all its code points.
/// The first font is required (a missing file throws <see cref="FontNotFoundException"/>); a missing or unreadable
/// fallback is skipped, listed in <see cref="Skipped"/> and logged, so text in its scripts shows placeholder boxes
/// instead of crashing. Each font is opened once in FreeType (rasterising, light hinting) and wrapped for HarfBuzz
/// (shaping through the same FT_Face so advances match the hinted glyphs).
/// Threading model: render thread only (FreeType faces are single-threaded).
/// </summary>
public sealed class FontCollection : IDisposable
{
    /// <summary>
    /// Light hinting (vertical only: crisp stems at caption sizes without distorting shapes), outlines only: embedded
    /// bitmap strikes would come out 1-bit in some CJK fonts.
    /// </summary>
    internal const LoadFlags GlyphLoadFlags = LoadFlags.TargetLight | LoadFlags.NoBitmap;

    private readonly FreeTypeLibrary _library;
    private readonly List<FreeTypeFace> _faces = [];
    private readonly List<Font> _shapers = [];
    private readonly List<FontSource> _loaded = [];
    private readonly List<string> _skipped = [];
    private int _pixelSize;

    /// <summary>Opens <see cref="DefaultChain"/>.</summary>
    public FontCollection(ILogger? logger = null)
        : this(DefaultChain, logger)
    {
    }

    public FontCollection(IReadOnlyList<FontSource> chain, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count == 0)
        {
            throw new ArgumentException("a font chain needs at least one font", nameof(chain));
        }

        logger ??= NullLogger.Instance;
        if (!File.Exists(chain[0].Path))
        {
            throw new FontNotFoundException(chain[0]);
        }

        _library = new FreeTypeLibrary();
        try
        {
            for (int i = 0; i < chain.Count; i++)
            {
                FontSource source = chain[i];
                if (i > 0 && !File.Exists(source.Path))
                {
                    string package = string.IsNullOrEmpty(source.Package) ? string.Empty : $" (Debian package {source.Package}; run ./scripts/bootstrap.sh)";
                    Skip(logger, $"fallback font '{source.Path}' does not exist{package}; its scripts will show placeholder boxes");
                    continue;
                }

                FreeTypeFace face;
                try
                {
                    face = _library.OpenFace(source.Path, source.FaceIndex);
                }
                catch (FreeTypeException ex) when (i > 0)
                {
                    Skip(logger, $"fallback font skipped: {ex.Message}");
                    continue;
                }

                _faces.Add(face);
                _shapers.Add(Font.FromFreeType(face, GlyphLoadFlags));
                _loaded.Add(source);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// DejaVu Sans (Latin, Cyrillic, Greek, Hebrew, Arabic), then WenQuanYi Micro Hei (CJK ideographs, kana,
    /// hangul), then TLWG Loma (Thai): all from Debian packages the bootstrap installs.
    /// </summary>
    public static IReadOnlyList<FontSource> DefaultChain { get; } =
    [
        new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0, "fonts-dejavu-core"),
        new("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, "fonts-wqy-microhei"),
        new("/usr/share/fonts/truetype/tlwg/Loma.ttf", 0, "fonts-tlwg-loma-ttf"),
    ];

    /// <summary>Fonts opened, in fallback order (index = font index in glyph keys).</summary>
    public IReadOnlyList<FontSource> Loaded => _loaded;

    /// <summary>Why each skipped fallback font was skipped.</summary>
    public IReadOnlyList<string> Skipped => _skipped;

    public int Count => _faces.Count;

    public FreeTypeLibrary Library => _library;

    /// <summary>Pixels above the baseline at the current size (primary font).</summary>
    public int Ascent { get; private set; }

    /// <summary>Pixels below the baseline at the current size (primary font, positive).</summary>
    public int Descent { get; private set; }

    /// <summary>Baseline-to-baseline distance at the current size (primary font).</summary>
    public int LineHeight { get; private set; }

    internal int PixelSize => _pixelSize;

    internal FreeTypeFace FaceAt(int index) => _faces[index];

    internal Font ShaperAt(int index) => _shapers[index];

    /// <summary>Sets every face to <paramref name="sizePx"/> pixels per em (a no-op when unchanged).</summary>
    public void SetPixelSize(int sizePx)
    {
        if (sizePx == _pixelSize)
        {
            return;
        }

        for (int i = 0; i < _faces.Count; i++)
        {
            _faces[i].SetPixelSizes(0, sizePx);
            _shapers[i].FreeTypeFaceChanged();
        }

        _pixelSize = sizePx;
        SizeMetrics metrics = _faces[0].SizeMetrics;
        Ascent = (int)((metrics.Ascender + 63) >> 6);
        Descent = (int)((-metrics.Descender + 63) >> 6);
        LineHeight = Math.Max((int)((metrics.Height + 32) >> 6), Ascent + Descent);
    }

    /// <summary>
    /// The first font having every code point of <paramref name="cluster"/> (default-ignorable code points such as
    /// ZWJ and variation selectors are not required), or -1 when none has them all.
    /// </summary>
    public int FindFont(ReadOnlySpan<char> cluster)
    {
        for (int font = 0; font < _faces.Count; font++)
        {
            if (Covers(font, cluster))
            {
                return font;
            }
        }

        return -1;
    }

    /// <summary>True when font <paramref name="font"/> has every required code point of <paramref name="cluster"/>.</summary>
    public bool Covers(int font, ReadOnlySpan<char> cluster)
    {
        FreeTypeFace face = _faces[font];
        foreach (System.Text.Rune rune in cluster.EnumerateRunes())
        {
            if (!IsIgnorable(rune.Value) && face.GetCharIndex(rune.Value) == 0)
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        // HarfBuzz fonts hold references on the FT faces, faces on the library: release in that order.
        foreach (Font shaper in _shapers)
        {
            shaper.Dispose();
        }

        foreach (FreeTypeFace face in _faces)
        {
            face.Dispose();
        }

        _shapers.Clear();
        _faces.Clear();
        _library?.Dispose();
    }

    internal static bool IsIgnorable(int codePoint) =>
        codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0) || codePoint == 0xAD || (codePoint >= 0x200B && codePoint <= 0x200F)
        || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2060 && codePoint <= 0x206F) || codePoint == 0xFEFF
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF) || codePoint == 0x2028 || codePoint == 0x2029;

    private void Skip(ILogger logger, string reason)
    {
        _skipped.Add(reason);
        logger.LogWarning("{Reason}", reason);
    }
}
