using System.Globalization;
using System.Text;

namespace Captions.Renderer.Text;

/// <summary>
/// The caption-relevant subset of UAX #14 line breaking. Breaks are allowed after spaces (LB18), after hyphens
/// before letters (LB21), and around ideographs, kana and hangul syllables (LB30/LB31 default); never before
/// spaces (LB7), closing punctuation, ideographic full stops/commas, small kana and ! ? , . : ; (LB13/LB14/LB21
/// class CL/CP/EX/IS/NS), never after opening punctuation (LB14 OP), never inside a grapheme cluster or between
/// two letters of an alphabetic script (Latin, Arabic, Cyrillic, Thai ...: no dictionary breaking, a Thai phrase
/// breaks at spaces or, when longer than a line, between grapheme clusters). LF, CR, NEL, U+2028/2029 force a break
/// after them (LB4/LB5).
/// </summary>
public static class LineBreaker
{
    private enum BreakClass : byte
    {
        Alphabetic,
        Space,
        Ideographic,
        Closing,
        Opening,
        Hyphen,
        Combining,
        HardBreak,
    }

    /// <summary>
    /// Fills <paramref name="breaks"/>[i] with the opportunity before <paramref name="text"/>[i]
    /// (breaks[0] is None). Allocates nothing.
    /// </summary>
    public static void FindBreaks(ReadOnlySpan<char> text, Span<BreakOpportunity> breaks)
    {
        if (breaks.Length < text.Length)
        {
            throw new ArgumentException($"breaks has {breaks.Length} slots for {text.Length} characters", nameof(breaks));
        }

        breaks[..text.Length].Clear();
        BreakClass previous = BreakClass.HardBreak;
        bool afterSpaces = false;
        bool openBeforeSpaces = false;
        int clusterEnd = 0;
        int i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed);
            BreakClass current = Classify(rune.Value);
            bool clusterStart = i >= clusterEnd;
            if (clusterStart)
            {
                clusterEnd = i + StringInfo.GetNextTextElementLength(text[i..]);
            }

            if (i > 0 && clusterStart && breaks[i] != BreakOpportunity.Mandatory)
            {
                breaks[i] = Decide(previous, current, afterSpaces, openBeforeSpaces);
            }

            if (current == BreakClass.Space)
            {
                openBeforeSpaces |= previous == BreakClass.Opening;
                afterSpaces = true;
            }
            else if (current != BreakClass.Combining)
            {
                afterSpaces = false;
                openBeforeSpaces = false;
                previous = current;
            }

            if (current == BreakClass.Space && previous != BreakClass.Opening)
            {
                // Keep the class before the spaces only for "OP SP* ×" (LB14); otherwise spaces lead.
                previous = BreakClass.Space;
            }

            if (current == BreakClass.HardBreak)
            {
                previous = BreakClass.HardBreak;
                afterSpaces = false;
                if (rune.Value == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i += consumed;
                    consumed = 1;
                }

                if (i + consumed < text.Length)
                {
                    breaks[i + consumed] = BreakOpportunity.Mandatory;
                }
            }

            i += consumed;
        }
    }

    /// <summary>
    /// False when <paramref name="text"/>[index] must not begin a line (closing punctuation, small kana, spaces,
    /// combining marks): an emergency break inside an over-long word moves back rather than start a line with it.
    /// </summary>
    public static bool CanStartLine(ReadOnlySpan<char> text, int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)text.Length, nameof(index));
        Rune.DecodeFromUtf16(text[index..], out Rune rune, out _);
        return Classify(rune.Value) is not (BreakClass.Closing or BreakClass.Space or BreakClass.Combining);
    }

    private static BreakOpportunity Decide(BreakClass previous, BreakClass current, bool afterSpaces, bool openBeforeSpaces)
    {
        if (previous == BreakClass.HardBreak)
        {
            return BreakOpportunity.None; // set as Mandatory by the hard break itself
        }

        if (current is BreakClass.Space or BreakClass.Closing or BreakClass.Combining or BreakClass.HardBreak)
        {
            return BreakOpportunity.None;
        }

        if (previous == BreakClass.Opening || openBeforeSpaces)
        {
            return BreakOpportunity.None;
        }

        if (afterSpaces || previous == BreakClass.Space)
        {
            return BreakOpportunity.Allowed;
        }

        if (previous == BreakClass.Hyphen)
        {
            return current == BreakClass.Alphabetic ? BreakOpportunity.Allowed : BreakOpportunity.None;
        }

        if (current == BreakClass.Hyphen)
        {
            return BreakOpportunity.None;
        }

        return previous == BreakClass.Ideographic || current == BreakClass.Ideographic ? BreakOpportunity.Allowed : BreakOpportunity.None;
    }

    private static BreakClass Classify(int c)
    {
        switch (c)
        {
            case '\n' or '\r' or 0x0B or 0x0C or 0x85 or 0x2028 or 0x2029:
                return BreakClass.HardBreak;
            case ' ' or '\t' or 0x1680 or (>= 0x2000 and <= 0x2006) or (>= 0x2008 and <= 0x200A) or 0x205F or 0x3000:
                return BreakClass.Space;
            case '-' or 0x2010 or 0x2012 or 0x2013:
                return BreakClass.Hyphen;
            case '(' or '[' or '{' or 0xA1 or 0xBF or 0x2018 or 0x201C or 0x3008 or 0x300A or 0x300C or 0x300E or 0x3010
                or 0x3014 or 0x3016 or 0x3018 or 0x301A or 0x301D or 0xFF08 or 0xFF3B or 0xFF5B or 0xFF5F or 0xFF62:
                return BreakClass.Opening;
            case ')' or ']' or '}' or '!' or '?' or ',' or '.' or ':' or ';' or '/' or '%' or 0x2019 or 0x201D or 0x2026
                or 0x203C or 0x2047 or 0x2048 or 0x2049 or 0x060C or 0x061F or 0x06D4 or 0x061B
                or 0x3001 or 0x3002 or 0x3005 or 0x3009 or 0x300B or 0x300D or 0x300F or 0x3011 or 0x3015 or 0x3017 or 0x3019
                or 0x301B or 0x301E or 0x301F or 0x303B or 0x309B or 0x309C or 0x309D or 0x309E or 0x30A0 or 0x30FB
                or 0x30FC or 0x30FD or 0x30FE or 0xFF01 or 0xFF09 or 0xFF0C or 0xFF0E or 0xFF1A or 0xFF1B or 0xFF1F
                or 0xFF3D or 0xFF5D or 0xFF60 or 0xFF61 or 0xFF63 or 0xFF64 or 0xFF65 or 0xFF70 or 0xFF9E or 0xFF9F:
                return BreakClass.Closing;
            case 0x3041 or 0x3043 or 0x3045 or 0x3047 or 0x3049 or 0x3063 or 0x3083 or 0x3085 or 0x3087 or 0x308E
                or 0x3095 or 0x3096 or 0x30A1 or 0x30A3 or 0x30A5 or 0x30A7 or 0x30A9 or 0x30C3 or 0x30E3 or 0x30E5
                or 0x30E7 or 0x30EE or 0x30F5 or 0x30F6 or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF67 and <= 0xFF6F):
                return BreakClass.Closing; // small kana (CJ, treated as NS: strict Japanese breaking)
            case (>= 0x2E80 and <= 0x2FFF) or (>= 0x3003 and <= 0x3004) or (>= 0x3006 and <= 0x3007) or (>= 0x3040 and <= 0x30FF)
                or (>= 0x3100 and <= 0x31EF) or (>= 0x3200 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA960 and <= 0xA97F)
                or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF66 and <= 0xFF9D) or (>= 0x1100 and <= 0x115F)
                or (>= 0x20000 and <= 0x3FFFD):
                return BreakClass.Ideographic;
            default:
                return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                    ? BreakClass.Combining
                    : BreakClass.Alphabetic;
        }
    }
}
