using System.Runtime.InteropServices;

namespace Captions.Renderer.Text;

/// <summary>
/// Maps <see cref="GlyphKey"/> to atlas slots, packing bitmaps into shelves (rows as tall as their tallest glyph,
/// rounded up to 4 px so glyphs of nearby heights share them) with 1 px of empty padding right of and below every
/// glyph. When the atlas is full the least-recently-used shelf whose glyphs were not used in the current pass
/// (<see cref="BeginPass"/>) is emptied and reused; shelves at the bottom can be merged for a taller glyph. Emptying
/// a shelf clears its pixels and bumps <see cref="GlyphAtlas.Generation"/>, so glyph positions returned before are
/// known to be stale. A glyph used in the current pass is never evicted.
/// Threading model: render thread only.
/// </summary>
public sealed class GlyphCache
{
    private const int Padding = 1;
    private const int ShelfRounding = 4;

    private readonly Dictionary<GlyphKey, Entry> _glyphs = [];
    private readonly List<Shelf> _shelves = [];
    private readonly List<GlyphKey> _evictScratch = [];
    private long _pass;
    private int _shelvesBottom;

    public GlyphCache(GlyphAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        Atlas = atlas;
    }

    public GlyphAtlas Atlas { get; }

    public int Count => _glyphs.Count;

    /// <summary>Glyphs evicted since creation (each shelf eviction counts its glyphs).</summary>
    public long Evictions { get; private set; }

    /// <summary>Starts a layout pass: glyphs touched from now on are pinned until the next pass.</summary>
    public void BeginPass() => _pass++;

    public bool TryGet(in GlyphKey key, out CachedGlyph glyph)
    {
        ref Entry entry = ref CollectionsMarshal.GetValueRefOrNullRef(_glyphs, key);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
        {
            glyph = default;
            return false;
        }

        if (entry.Shelf >= 0)
        {
            CollectionsMarshal.AsSpan(_shelves)[entry.Shelf].LastUse = _pass;
        }

        glyph = entry.Glyph;
        return true;
    }

    /// <summary>
    /// Copies a coverage bitmap into the atlas and remembers it. Throws <see cref="GlyphAtlasFullException"/> when no
    /// space can be found without evicting glyphs of the current pass.
    /// </summary>
    public CachedGlyph Add(in GlyphKey key, int left, int top, int width, int height, ReadOnlySpan<byte> pixels, int stride)
    {
        if (width == 0 || height == 0)
        {
            var empty = new CachedGlyph(0, 0, 0, 0, left, top);
            _glyphs[key] = new Entry(empty, -1);
            return empty;
        }

        if (width + Padding > Atlas.Width || height + Padding > Atlas.Height)
        {
            throw new GlyphAtlasFullException($"a {width}x{height} glyph (font {key.Font}, glyph {key.GlyphId}, {key.SizePx} px) is larger than the {Atlas.Width}x{Atlas.Height} glyph atlas");
        }

        int shelfIndex = FindShelf(width, height);
        Span<Shelf> shelves = CollectionsMarshal.AsSpan(_shelves);
        ref Shelf shelf = ref shelves[shelfIndex];
        int x = shelf.NextX;
        shelf.NextX += width + Padding;
        shelf.LastUse = _pass;
        Atlas.Blit(x, shelf.Y, width, height, pixels, stride);
        var glyph = new CachedGlyph(x, shelf.Y, width, height, left, top);
        _glyphs[key] = new Entry(glyph, shelfIndex);
        return glyph;
    }

    /// <summary>Forgets every glyph and clears the atlas (bumps its generation).</summary>
    public void Clear()
    {
        _glyphs.Clear();
        _shelves.Clear();
        _shelvesBottom = 0;
        Atlas.Clear(new AtlasRect(0, 0, Atlas.Width, Atlas.Height));
    }

    private int FindShelf(int width, int height)
    {
        int need = width + Padding;
        Span<Shelf> shelves = CollectionsMarshal.AsSpan(_shelves);

        // 1. A shelf of a fitting height (not more than 1.5x the glyph, so tall shelves are not filled with dots).
        int loose = -1;
        for (int i = 0; i < shelves.Length; i++)
        {
            if (shelves[i].Height >= height && shelves[i].NextX + need <= Atlas.Width)
            {
                if (shelves[i].Height <= height + (height / 2) + ShelfRounding)
                {
                    return i;
                }

                loose = loose < 0 ? i : loose;
            }
        }

        // 2. A new shelf below the others.
        int shelfHeight = Math.Min(RoundUp(height), Atlas.Height);
        if (_shelvesBottom + shelfHeight + Padding <= Atlas.Height || _shelvesBottom + height + Padding <= Atlas.Height)
        {
            return NewShelf(Math.Min(shelfHeight, Atlas.Height - _shelvesBottom - Padding));
        }

        // 3. Any shelf tall enough with room.
        if (loose >= 0)
        {
            return loose;
        }

        // 4. Empty the least recently used shelf, not used this pass, tall enough.
        int victim = -1;
        for (int i = 0; i < shelves.Length; i++)
        {
            if (shelves[i].LastUse < _pass && shelves[i].Height >= height && (victim < 0 || shelves[i].LastUse < shelves[victim].LastUse))
            {
                victim = i;
            }
        }

        if (victim >= 0)
        {
            Evict(victim);
            return victim;
        }

        // 5. Merge unused shelves at the bottom into room for a new, taller shelf.
        while (_shelves.Count > 0 && _shelves[^1].LastUse < _pass)
        {
            Evict(_shelves.Count - 1);
            Shelf last = _shelves[^1];
            _shelves.RemoveAt(_shelves.Count - 1);
            _shelvesBottom = last.Y;
            if (_shelvesBottom + height + Padding <= Atlas.Height)
            {
                return NewShelf(Math.Min(shelfHeight, Atlas.Height - _shelvesBottom - Padding));
            }
        }

        throw new GlyphAtlasFullException(
            $"the {Atlas.Width}x{Atlas.Height} glyph atlas cannot fit a {width}x{height} glyph: its {_glyphs.Count} glyphs are all used by the current layout; use a larger atlas, a smaller size or shorter text");
    }

    private int NewShelf(int height)
    {
        _shelves.Add(new Shelf { Y = _shelvesBottom, Height = height, NextX = 0, LastUse = _pass });
        _shelvesBottom += height + Padding;
        return _shelves.Count - 1;
    }

    private void Evict(int shelfIndex)
    {
        _evictScratch.Clear();
        foreach (KeyValuePair<GlyphKey, Entry> pair in _glyphs)
        {
            if (pair.Value.Shelf == shelfIndex)
            {
                _evictScratch.Add(pair.Key);
            }
        }

        foreach (GlyphKey key in _evictScratch)
        {
            _glyphs.Remove(key);
        }

        Evictions += _evictScratch.Count;
        ref Shelf shelf = ref CollectionsMarshal.AsSpan(_shelves)[shelfIndex];
        Atlas.Clear(new AtlasRect(0, shelf.Y, Atlas.Width, shelf.Height));
        shelf.NextX = 0;
        shelf.LastUse = _pass;
    }

    private static int RoundUp(int height) => (height + ShelfRounding - 1) / ShelfRounding * ShelfRounding;

    private struct Shelf
    {
        public int Y;
        public int Height;
        public int NextX;
        public long LastUse;
    }

    private readonly record struct Entry(CachedGlyph Glyph, int Shelf);
}
