using System.Buffers;
using System.Text;
using Captions.Native.FriBidi.Interop;

namespace Captions.Native.FriBidi;

/// <summary>
/// The Unicode bidirectional algorithm (UAX #9) over one paragraph of UTF-16 text, by FriBidi: resolves the
/// embedding level of every UTF-16 unit (both halves of a surrogate pair get their code point's level) and the
/// paragraph direction. FriBidi works on UTF-32, so the text is converted into reusable scratch arrays: after the
/// first paragraph of a given length, <see cref="Analyze"/> allocates nothing.
/// Threading model: one thread at a time (scratch state).
/// </summary>
public sealed unsafe class BidiParagraph
{
    private uint[] _codePoints = new uint[256];
    private uint[] _types = new uint[256];
    private uint[] _brackets = new uint[256];
    private sbyte[] _codePointLevels = new sbyte[256];
    private sbyte[] _levels = new sbyte[256];
    private int _length;

    public BidiParagraph() => FriBidiNativeLibrary.EnsureLoaded();

    /// <summary>Resolved direction of the last analysed paragraph.</summary>
    public ParagraphDirection Direction { get; private set; } = ParagraphDirection.LeftToRight;

    public bool IsRightToLeft => Direction == ParagraphDirection.RightToLeft;

    /// <summary>Embedding level per UTF-16 unit of the last paragraph (odd = right-to-left).</summary>
    public ReadOnlySpan<sbyte> Levels => _levels.AsSpan(0, _length);

    /// <summary>The Bidi_Class of one code point (fribidi_get_bidi_type).</summary>
    public static BidiCharType GetBidiType(int codePoint)
    {
        FriBidiNativeLibrary.EnsureLoaded();
        return (BidiCharType)NativeMethods.fribidi_get_bidi_type((uint)codePoint);
    }

    /// <summary>
    /// Reorders runs for display (rule L2): given each run's level in logical order, writes into
    /// <paramref name="visualOrder"/> the logical run indices from left to right. From the highest level down to the
    /// lowest odd level, every maximal sequence of runs at that level or higher is reversed.
    /// </summary>
    public static void ReorderRuns(ReadOnlySpan<sbyte> runLevels, Span<int> visualOrder)
    {
        int count = runLevels.Length;
        if (visualOrder.Length < count)
        {
            throw new ArgumentException($"visualOrder has {visualOrder.Length} slots for {count} runs", nameof(visualOrder));
        }

        int highest = 0;
        int lowestOdd = int.MaxValue;
        for (int i = 0; i < count; i++)
        {
            visualOrder[i] = i;
            highest = Math.Max(highest, runLevels[i]);
            if ((runLevels[i] & 1) != 0)
            {
                lowestOdd = Math.Min(lowestOdd, runLevels[i]);
            }
        }

        for (int level = highest; level >= lowestOdd; level--)
        {
            int i = 0;
            while (i < count)
            {
                if (runLevels[visualOrder[i]] < level)
                {
                    i++;
                    continue;
                }

                int end = i;
                while (end < count && runLevels[visualOrder[end]] >= level)
                {
                    end++;
                }

                visualOrder[i..end].Reverse();
                i = end;
            }
        }
    }

    /// <summary>
    /// Runs rules P2-I2 (and L1 parts 1-3: trailing whitespace and separators take the paragraph level) over
    /// <paramref name="text"/>. <paramref name="requested"/> Auto takes the direction of the first strong character.
    /// </summary>
    public void Analyze(ReadOnlySpan<char> text, ParagraphDirection requested = ParagraphDirection.Auto)
    {
        _length = text.Length;
        EnsureCapacity(text.Length);
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            _codePoints[count++] = (uint)rune.Value;
            i += consumed - 1;
        }

        uint direction = (uint)requested;
        if (count > 0)
        {
            fixed (uint* codePoints = _codePoints, types = _types, brackets = _brackets)
            fixed (sbyte* levels = _codePointLevels)
            {
                NativeMethods.fribidi_get_bidi_types(codePoints, count, types);
                NativeMethods.fribidi_get_bracket_types(codePoints, count, types, brackets);
                if (NativeMethods.fribidi_get_par_embedding_levels_ex(types, brackets, count, &direction, levels) == 0)
                {
                    throw new FriBidiException($"fribidi_get_par_embedding_levels_ex failed on a paragraph of {count} code points");
                }
            }
        }
        else
        {
            direction = requested == ParagraphDirection.RightToLeft || requested == ParagraphDirection.WeakRightToLeft ? 0x111u : 0x110u;
        }

        Direction = (direction & 1) != 0 ? ParagraphDirection.RightToLeft : ParagraphDirection.LeftToRight;

        // Spread code point levels back onto UTF-16 units.
        int k = 0;
        for (int i = 0; i < text.Length; i++, k++)
        {
            _levels[i] = _codePointLevels[k];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                _levels[++i] = _codePointLevels[k];
            }
        }
    }

    private void EnsureCapacity(int length)
    {
        if (_codePoints.Length >= length)
        {
            return;
        }

        int size = Math.Max(length, _codePoints.Length * 2);
        _codePoints = new uint[size];
        _types = new uint[size];
        _brackets = new uint[size];
        _codePointLevels = new sbyte[size];
        _levels = new sbyte[size];
    }
}
