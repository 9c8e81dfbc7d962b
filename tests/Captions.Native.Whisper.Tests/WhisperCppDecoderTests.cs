using Captions.Speech.Whisper;

namespace Captions.Native.Whisper.Tests;

[Collection(WhisperCollection.Name)]
public sealed class WhisperCppDecoderTests(WhisperModelFixture fixture)
{
    private WhisperCppDecoder CreateDecoder() => new(
        fixture.Factory.CreateBuilder().WithThreads(2).WithTemperatureFallback(false).WithMaxTokensPerSegment(16).WithTokenTimestamps().Build());

    [Fact]
    public void Decode_TwoSecondBuffer_TimesInsideTheBufferAndOnlyTextTokens()
    {
        using WhisperCppDecoder decoder = CreateDecoder();

        WhisperDecodeResult result = decoder.Decode(fixture.Jfk.AsSpan(16000, 32000), "And so", CancellationToken.None);

        result.Language.Should().Be("en");
        result.Segments.Should().NotBeEmpty();
        result.Segments.Should().OnlyContain(s => s.Start >= TimeSpan.Zero && s.Start <= s.End && s.End <= TimeSpan.FromSeconds(2));
        result.Segments.Should().OnlyContain(s => s.Text == s.Text.Trim() && s.Text.Length > 0);
        result.Segments.SelectMany(s => s.Tokens).Should().NotBeEmpty()
            .And.OnlyContain(t => !t.Text.StartsWith("[_", StringComparison.Ordinal) && t.Probability >= 0f && t.Probability <= 1f);
    }

    [Fact]
    public void AudioContextFor_ScalesWithTheBufferAndCapsAtTheModel()
    {
        using WhisperProcessor processor = fixture.Factory.CreateBuilder().Build();

        processor.AudioContextFor(32000).Should().Be(128);   // 2 s = 100 positions, rounded up to 64s
        processor.AudioContextFor(16000 * 30).Should().Be(1500);
        processor.AudioContextFor(1600).Should().Be(64);
    }

    [Fact]
    public void Decode_ShorterThan100Ms_ReturnsNoSegments()
    {
        using WhisperCppDecoder decoder = CreateDecoder();

        WhisperDecodeResult result = decoder.Decode(fixture.Jfk.AsSpan(0, 800), null, CancellationToken.None);

        result.Segments.Should().BeEmpty();
    }

    [Fact]
    public void Decode_CancelledToken_ThrowsOperationCanceled()
    {
        using WhisperCppDecoder decoder = CreateDecoder();

        Action act = () => decoder.Decode(fixture.Jfk, null, new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
    }
}
