using Captions.Engine.Metrics;

namespace Captions.Engine.Tests.Metrics;

public sealed class WordErrorRateTests
{
    [Fact]
    public void Compute_IdenticalAfterNormalisation_HasNoErrors()
    {
        WordErrorCounts counts = WordErrorRate.Compute("Hello, World!  It's  me.", "hello world it's me");

        counts.Should().Be(new WordErrorCounts(0, 0, 0, 4));
        counts.Rate.Should().Be(0);
    }

    [Fact]
    public void Compute_OneWordChanged_IsOneSubstitution()
    {
        // "the cat sat" vs "the bat sat": 1 substitution over 3 words.
        WordErrorCounts counts = WordErrorRate.Compute("the cat sat", "the bat sat");

        counts.Should().Be(new WordErrorCounts(1, 0, 0, 3));
        counts.Rate.Should().BeApproximately(1.0 / 3, 1e-12);
    }

    [Fact]
    public void Compute_WordMissing_IsOneDeletion()
    {
        WordErrorCounts counts = WordErrorRate.Compute("he was not an ill disposed young man", "he was not an disposed young man");

        counts.Should().Be(new WordErrorCounts(0, 1, 0, 8));
        counts.Rate.Should().Be(0.125);
    }

    [Fact]
    public void Compute_ExtraWords_AreInsertions()
    {
        WordErrorCounts counts = WordErrorRate.Compute("made amiable himself", "made the amiable him self");

        // made = made, +the (I), amiable = amiable, himself -> him (S), +self (I): 3 edits over 3 words.
        counts.Should().Be(new WordErrorCounts(1, 0, 2, 3));
        counts.Rate.Should().Be(1.0);
    }

    [Fact]
    public void Compute_LibriVoxClipAgainstCliOutput_MatchesHandAlignment()
    {
        // Reference 0880 and pocketsphinx_continuous' output for it:
        // he was not an [ill -> illness] [disposed -> those] young man = 2 substitutions over 8 words.
        WordErrorCounts counts = WordErrorRate.Compute(
            "he was not an ill disposed young man",
            "he was not an illness those young man");

        counts.Should().Be(new WordErrorCounts(2, 0, 0, 8));
    }

    [Fact]
    public void Compute_EmptyHypothesis_DeletesEveryReferenceWord()
    {
        WordErrorRate.Compute("one two three", "").Should().Be(new WordErrorCounts(0, 3, 0, 3));
    }

    [Fact]
    public void Compute_EmptyReference_CountsInsertionsAndRateIsInsertionCount()
    {
        WordErrorCounts counts = WordErrorRate.Compute("", "uh um");

        counts.Should().Be(new WordErrorCounts(0, 0, 2, 0));
        counts.Rate.Should().Be(2);
    }

    [Fact]
    public void Compute_BothEmpty_RateIsZero()
    {
        WordErrorRate.Compute(" ", "...").Rate.Should().Be(0);
    }

    [Fact]
    public void Compute_ShiftedSequence_PrefersDeletionPlusInsertionOverSubstitutions()
    {
        // "a b c d" vs "b c d e": shifting costs 2 (delete a, insert e), not 4 substitutions.
        WordErrorRate.Compute("a b c d", "b c d e").Should().Be(new WordErrorCounts(0, 1, 1, 4));
    }

    [Fact]
    public void Aggregate_SumsCounts_SoCorpusRateWeightsByReferenceLength()
    {
        WordErrorCounts shortOne = WordErrorRate.Compute("yes", "no");                   // 1/1
        WordErrorCounts longOne = WordErrorRate.Compute("a b c d e f g h i", "a b c d e f g h i"); // 0/9

        WordErrorCounts total = WordErrorRate.Aggregate([shortOne, longOne]);

        total.Should().Be(new WordErrorCounts(1, 0, 0, 10));
        total.Rate.Should().Be(0.1); // not the 0.5 mean of per-utterance rates
    }

    [Theory]
    [InlineData("Cold-hearted, SELFISH!", "cold hearted selfish")]
    [InlineData("  don't   stop\tnow\n", "don't stop now")]
    [InlineData("'quoted' words", "quoted words")]
    [InlineData("Mr. Dashwood's estate", "mr dashwood's estate")]
    public void Normalize_PunctuationCaseAndSpaces_GiveBareWords(string text, string expected)
    {
        string.Join(' ', WordErrorRate.Normalize(text)).Should().Be(expected);
    }
}
