using System.Text;
using Captions.Engine.Metrics.Latency;

namespace Captions.Engine.Tests.Metrics.Latency;

public sealed class NormalisedErasureTests
{
    [Fact]
    public void Compute_RevisedAndUncommittedLines_CountsErasedOverCommittedCharacters()
    {
        // Line 1: "the cat" -> "the cap sat": LCP "the ca" (6), erased 7 - 6 = 1.
        //         "the cap sat" -> "the cat sat" (commit): LCP "the ca" (6), erased 11 - 6 = 5.
        // Line 2 never commits: "hello" -> "help": LCP "hel" (3), erased 5 - 3 = 2.
        // Erased 1 + 5 + 2 = 8; committed characters = |"the cat sat"| = 11; NE = 8 / 11.
        CaptionEmission[] log =
        [
            new(1, 1, false, "the cat", 1.0),
            new(2, 1, false, "hello", 1.1),
            new(1, 2, false, "the cap sat", 1.5),
            new(2, 2, false, "help", 1.6),
            new(1, 3, true, "the cat sat", 2.0),
        ];

        NormalisedErasure.Count(log).Should().Be((8L, 11L));
        NormalisedErasure.Compute(log).Should().BeApproximately(8.0 / 11, 1e-12);
    }

    [Fact]
    public void Compute_TextShrinks_CountsTheRemovedTail()
    {
        // "abcdef" -> "abc": LCP 3, erased 6 - 3 = 3; committed 3 characters; NE = 1.
        CaptionEmission[] log = [new(7, 1, false, "abcdef", 0.5), new(7, 2, true, "abc", 0.9)];

        NormalisedErasure.Compute(log).Should().Be(1.0);
    }

    [Fact]
    public void Compute_StaleVersionAfterNewerOne_IsIgnored()
    {
        // v1 "one", v3 "one two" (append, 0 erased), then v2 "onx" arrives late and must not be shown; counting it
        // would erase 7 - |"on"| = 5 characters.
        CaptionEmission[] log =
        [
            new(1, 1, false, "one", 0.1),
            new(1, 3, true, "one two", 0.3),
            new(1, 2, false, "onx", 0.4),
        ];

        NormalisedErasure.Count(log).Should().Be((0L, 7L));
        NormalisedErasure.Compute(log).Should().Be(0);
    }

    [Fact]
    public void Compute_EmptyLog_IsZero()
    {
        NormalisedErasure.Compute([]).Should().Be(0);
    }

    [Fact]
    public void Compute_ErasureButNothingCommitted_IsNull()
    {
        CaptionEmission[] log = [new(1, 1, false, "abc", 0.1), new(1, 2, false, "x", 0.2)];

        NormalisedErasure.Count(log).Should().Be((3L, 0L));
        NormalisedErasure.Compute(log).Should().BeNull();
    }

    [Fact]
    public void Compute_AppendOnlyLogs_AreAlwaysZero()
    {
        // Property: whatever the lines, lengths and interleaving, a log in which every version extends the previous
        // one erases nothing. 200 random logs of up to 5 lines x 8 versions.
        var random = new Random(20261122);
        for (int trial = 0; trial < 200; trial++)
        {
            int lines = random.Next(1, 6);
            var texts = new StringBuilder[lines];
            var versions = new int[lines];
            var log = new List<CaptionEmission>();
            for (int i = 0; i < lines; i++)
            {
                texts[i] = new StringBuilder();
            }

            for (int step = 0; step < lines * 8; step++)
            {
                int line = random.Next(lines);
                int added = random.Next(0, 6);
                for (int c = 0; c < added; c++)
                {
                    texts[line].Append((char)random.Next('a', 'z' + 1));
                }

                versions[line]++;
                log.Add(new CaptionEmission(line, versions[line], random.Next(4) == 0, texts[line].ToString(), step * 0.1));
            }

            NormalisedErasure.Count(log).ErasedCharacters.Should().Be(0, "trial {0} only appends", trial);
        }
    }
}
