using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Engine.Tests.Metrics.Latency;

public sealed class CharacterErrorRateTests
{
    [Fact]
    public void Compute_OneCharacterChanged_IsOneSubstitution()
    {
        // 你好世界 vs 你好世間 (punctuation dropped): 1 substitution over 4 characters = 0.25.
        WordErrorCounts counts = CharacterErrorRate.Compute("你好，世界", "你好世間");

        counts.Should().Be(new WordErrorCounts(1, 0, 0, 4));
        counts.Rate.Should().Be(0.25);
    }

    [Fact]
    public void Compute_WhitespaceAndPunctuationOnly_AreNotErrors()
    {
        CharacterErrorRate.Compute("你好 世界", "你好，世界。").Errors.Should().Be(0);
    }

    [Fact]
    public void Compute_CharacterMissing_IsOneDeletion()
    {
        CharacterErrorRate.Compute("天气很好", "天气好").Should().Be(new WordErrorCounts(0, 1, 0, 4));
    }

    [Fact]
    public void Compute_CharacterOutsideTheBmp_CountsOnce()
    {
        // 𠮷 (U+20BB7) is one character in two UTF-16 code units: 3 characters, 1 substitution.
        CharacterErrorRate.Compute("𠮷野家", "吉野家").Should().Be(new WordErrorCounts(1, 0, 0, 3));
    }
}
