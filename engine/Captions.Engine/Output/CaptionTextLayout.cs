using System.Text;
using Captions.Engine.Captioning;

namespace Captions.Engine.Output;

/// <summary>
/// Splits a committed caption into subtitle cues of at most <see cref="MaxLinesPerCue"/> lines of at most
/// <see cref="MaxLineLength"/> characters (text elements), the way broadcast subtitles are cut: as few cues as
/// possible, cues of similar length, lines balanced within a cue and bottom-heavy on a tie (the shorter line on
/// top), breaks at spaces, between CJK characters (which use no spaces), or inside a word only when the word alone
/// is longer than a line.
/// </summary>
/// <remarks>
/// <para>Timing: when a caption needs several cues, each cue ends at the end time of the last recognised word it
/// shows (<see cref="CaptionLine.Words"/>, matched to the text in order); without word timings, or when no word
/// ends inside a cue, the caption's time range is split in proportion to characters.</para>
/// <para>Bilingual layout (<see cref="Layout(CaptionLine, bool)"/> with a translation): each language gets
/// <c>max(1, MaxLinesPerCue / 2)</c> lines per cue, source on top, so a 2-line cue is one line of each and both
/// languages stay within the line limit; both texts are split over the same number of cues.</para>
/// <para>Width is counted in text elements: 42 suits Latin scripts (EBU/BBC guidance 37-42); CJK subtitles
/// usually use 13-16 full-width characters, so configure <see cref="MaxLineLength"/> per language.</para>
/// Threading model: immutable settings and no shared state: safe to use from several threads.
/// </remarks>
public sealed class CaptionTextLayout
{
    public const int DefaultMaxLineLength = 42;

    public CaptionTextLayout(int maxLineLength = DefaultMaxLineLength, int maxLinesPerCue = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLinesPerCue, 1);
        MaxLineLength = maxLineLength;
        MaxLinesPerCue = maxLinesPerCue;
    }

    public int MaxLineLength { get; }

    public int MaxLinesPerCue { get; }

    /// <summary>Lays out <paramref name="line"/>'s text, and its translation below it when asked and present.</summary>
    public IReadOnlyList<CaptionCue> Layout(CaptionLine line, bool includeTranslation = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        string source = line.Text ?? string.Empty;
        string? translation = includeTranslation && !string.IsNullOrWhiteSpace(line.Translation) ? line.Translation : null;
        var sourceTokens = LayoutToken.Tokenize(source, MaxLineLength);
        var translationTokens = translation is null ? [] : LayoutToken.Tokenize(translation, MaxLineLength);
        if (sourceTokens.Count == 0 && translationTokens.Count == 0)
        {
            return [];
        }

        int linesPerLanguage = translation is null ? MaxLinesPerCue : Math.Max(1, MaxLinesPerCue / 2);
        int cueCount = Math.Max(
            CeilDiv(LayoutToken.GreedyLineCount(sourceTokens, 0, sourceTokens.Count, MaxLineLength), linesPerLanguage),
            CeilDiv(LayoutToken.GreedyLineCount(translationTokens, 0, translationTokens.Count, MaxLineLength), linesPerLanguage));
        int[] sourceCuts = Partition(sourceTokens, 0, sourceTokens.Count, cueCount, linesPerLanguage);
        int[] translationCuts = translation is null
            ? new int[cueCount + 1]
            : Partition(translationTokens, 0, translationTokens.Count, cueCount, linesPerLanguage);

        var wordEnds = AlignWords(source, line.Words);
        var builder = new StringBuilder();
        var cues = new CaptionCue[cueCount];
        TimeSpan end = line.End < line.Start ? line.Start : line.End;
        TimeSpan cueStart = line.Start;
        for (int c = 0; c < cueCount; c++)
        {
            TimeSpan cueEnd = c == cueCount - 1
                ? end
                : BoundaryTime(line, end, cueStart, sourceTokens, sourceCuts, c, translationTokens, translationCuts, wordEnds);
            cues[c] = new CaptionCue(
                cueStart,
                cueEnd,
                BalancedLines(source, sourceTokens, sourceCuts[c], sourceCuts[c + 1], builder),
                translation is null ? [] : BalancedLines(translation, translationTokens, translationCuts[c], translationCuts[c + 1], builder));
            cueStart = cueEnd;
        }

        return cues;
    }

    /// <summary>Wraps <paramref name="text"/> into the fewest lines of at most <see cref="MaxLineLength"/>, balanced.</summary>
    public IReadOnlyList<string> WrapLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = LayoutToken.Tokenize(text, MaxLineLength);
        return BalancedLines(text, tokens, 0, tokens.Count, new StringBuilder());
    }

    private string[] BalancedLines(string text, List<LayoutToken> tokens, int from, int to, StringBuilder builder)
    {
        int lineCount = LayoutToken.GreedyLineCount(tokens, from, to, MaxLineLength);
        if (lineCount == 0)
        {
            return [];
        }

        int[] cuts = Partition(tokens, from, to, lineCount, maxLinesPerGroup: 1);
        var lines = new string[lineCount];
        for (int l = 0; l < lineCount; l++)
        {
            lines[l] = LayoutToken.LineText(text, tokens, cuts[l], cuts[l + 1], builder);
        }

        return lines;
    }

    /// <summary>
    /// Cuts tokens [from, to) into exactly <paramref name="groups"/> consecutive groups that each wrap into at most
    /// <paramref name="maxLinesPerGroup"/> lines, minimising the sum of squared group widths (= the most even split).
    /// Ties keep the earliest cut, i.e. the shorter group first (bottom-heavy). A group is empty only when there are
    /// fewer tokens than groups. Returns groups + 1 cut indices. O(groups * n^2) for n tokens (tens per caption).
    /// </summary>
    private int[] Partition(List<LayoutToken> tokens, int from, int to, int groups, int maxLinesPerGroup)
    {
        int n = to - from;
        var cost = new double[groups + 1, n + 1];
        var choice = new int[groups + 1, n + 1];
        for (int g = 0; g <= groups; g++)
        {
            for (int j = 0; j <= n; j++)
            {
                cost[g, j] = double.PositiveInfinity;
            }
        }

        cost[0, 0] = 0;

        // An empty group costs more than any real one, so it is used only when unavoidable.
        double emptyCost = 4.0 * Math.Pow(MaxLineLength * maxLinesPerGroup, 2);
        for (int g = 1; g <= groups; g++)
        {
            for (int i = 0; i <= n; i++)
            {
                double before = cost[g - 1, i];
                if (double.IsPositiveInfinity(before))
                {
                    continue;
                }

                Consider(g, i, i, before + emptyCost);

                // Grow the group token by token, tracking its width and greedy line count incrementally.
                int width = 0;
                int lines = 1;
                int lineWidth = 0;
                for (int j = i + 1; j <= n; j++)
                {
                    var token = tokens[from + j - 1];
                    int space = j > i + 1 && token.SpaceBefore ? 1 : 0;
                    width += token.Width + space;
                    if (j > i + 1 && lineWidth + space + token.Width > MaxLineLength)
                    {
                        lines++;
                        lineWidth = token.Width;
                    }
                    else
                    {
                        lineWidth += space + token.Width;
                    }

                    if (lines > maxLinesPerGroup)
                    {
                        break;
                    }

                    Consider(g, i, j, before + ((double)width * width));
                }
            }
        }

        var cuts = new int[groups + 1];
        cuts[groups] = to;
        for (int g = groups, j = n; g > 0; g--)
        {
            j = choice[g, j];
            cuts[g - 1] = from + j;
        }

        return cuts;

        void Consider(int g, int i, int j, double total)
        {
            // Strict: among equal costs the smallest i (visited first) wins.
            if (total < cost[g, j])
            {
                cost[g, j] = total;
                choice[g, j] = i;
            }
        }
    }

    private static TimeSpan BoundaryTime(
        CaptionLine line,
        TimeSpan end,
        TimeSpan previous,
        List<LayoutToken> sourceTokens,
        int[] sourceCuts,
        int cue,
        List<LayoutToken> translationTokens,
        int[] translationCuts,
        int[] wordEnds)
    {
        int cueFrom = sourceCuts[cue];
        int cueTo = sourceCuts[cue + 1];
        if (cueTo > cueFrom)
        {
            // The last recognised word that ends inside this cue's text.
            int textFrom = sourceTokens[cueFrom].Start;
            int textTo = sourceTokens[cueTo - 1].End;
            for (int w = wordEnds.Length - 1; w >= 0; w--)
            {
                if (wordEnds[w] > textFrom && wordEnds[w] <= textTo)
                {
                    return Clamp(line.Words[w].End, previous, end);
                }
            }
        }

        // Proportional to characters (averaged over both languages in a bilingual layout).
        double fraction = Fraction(sourceTokens, sourceCuts[cue + 1]);
        if (translationTokens.Count > 0)
        {
            fraction = sourceTokens.Count == 0 ? Fraction(translationTokens, translationCuts[cue + 1]) : (fraction + Fraction(translationTokens, translationCuts[cue + 1])) / 2;
        }

        return Clamp(line.Start + ((end - line.Start) * fraction), previous, end);
    }

    private static double Fraction(List<LayoutToken> tokens, int cut)
    {
        int total = LayoutToken.LineWidth(tokens, 0, tokens.Count);
        return total == 0 ? 0 : (double)LayoutToken.LineWidth(tokens, 0, cut) / total;
    }

    /// <summary>
    /// For each word timing, the offset in <paramref name="text"/> just after where the word appears (matched in
    /// order, case-insensitively), or -1 when it does not appear (fillers such as "&lt;sil&gt;", or reworded text).
    /// </summary>
    private static int[] AlignWords(string text, IReadOnlyList<WordTiming>? words)
    {
        if (words is null || words.Count == 0)
        {
            return [];
        }

        var ends = new int[words.Count];
        int cursor = 0;
        for (int w = 0; w < words.Count; w++)
        {
            string word = words[w].Word?.Trim() ?? string.Empty;
            int at = word.Length == 0 ? -1 : text.IndexOf(word, cursor, StringComparison.OrdinalIgnoreCase);
            ends[w] = at < 0 ? -1 : at + word.Length;
            cursor = at < 0 ? cursor : at + word.Length;
        }

        return ends;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;
}
