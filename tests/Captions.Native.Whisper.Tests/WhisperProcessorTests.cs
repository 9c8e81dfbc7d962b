using Captions.Native.Ggml;

namespace Captions.Native.Whisper.Tests;

[Collection(WhisperCollection.Name)]
public sealed class WhisperProcessorTests(WhisperModelFixture fixture)
{
    private WhisperProcessor Build(Func<WhisperProcessorBuilder, WhisperProcessorBuilder>? configure = null)
    {
        WhisperProcessorBuilder builder = fixture.Factory.CreateBuilder()
            .WithThreads(2)
            .WithTemperatureFallback(false)
            .WithMaxTokensPerSegment(32)
            .WithTokenTimestamps();
        return (configure?.Invoke(builder) ?? builder).Build();
    }

    [Fact]
    public void Factory_Tiny4Model_ReportsItsDimensions()
    {
        fixture.Factory.AudioState.Should().Be(32);
        fixture.Factory.AudioLayers.Should().Be(2);
        fixture.Factory.VocabularySize.Should().Be(51865);
        fixture.Factory.IsMultilingual.Should().BeTrue();
    }

    [Fact]
    public void Process_Jfk_SegmentsHaveMonotonicTimesInsideTheAudioAndValidProbabilities()
    {
        using WhisperProcessor processor = Build();
        TimeSpan duration = TimeSpan.FromSeconds(fixture.Jfk.Length / 16000.0);

        WhisperResult result = processor.Process(fixture.Jfk);

        result.Language.Should().Be("en");
        result.Segments.Should().NotBeEmpty();
        TimeSpan previousEnd = TimeSpan.Zero;
        foreach (WhisperSegment segment in result.Segments)
        {
            segment.Start.Should().BeGreaterThanOrEqualTo(previousEnd);
            segment.End.Should().BeGreaterThanOrEqualTo(segment.Start);
            segment.End.Should().BeLessThanOrEqualTo(duration);
            segment.NoSpeechProbability.Should().BeInRange(0f, 1f);
            segment.AverageLogProbability.Should().BeLessThanOrEqualTo(0f);
            segment.Tokens.Should().NotBeEmpty();
            segment.Tokens.Should().OnlyContain(t => t.Probability >= 0f && t.Probability <= 1f);
            segment.Tokens.Should().OnlyContain(t => t.Start >= TimeSpan.Zero && t.Start <= t.End && t.End <= duration);
            previousEnd = segment.End;
        }
    }

    [Fact]
    public void Process_SameAudioTwice_IsDeterministic()
    {
        using WhisperProcessor processor = Build();

        WhisperResult first = processor.Process(fixture.Jfk);
        WhisperResult second = processor.Process(fixture.Jfk);

        second.Segments.Select(s => (s.Text, s.Start, s.End)).Should().Equal(first.Segments.Select(s => (s.Text, s.Start, s.End)));
        first.Segments.Select(s => s.Text).Should().OnlyContain(t => t.All(c => !char.IsControl(c)));
    }

    [Fact]
    public void Process_WithMaxTokensPerSegment_CapsEachSegment()
    {
        using WhisperProcessor processor = Build(b => b.WithMaxTokensPerSegment(5));

        WhisperResult result = processor.Process(fixture.Jfk);

        // whisper ends the segment when the step index i >= max_tokens (whisper.cpp 1.9.1 line 7389), after appending
        // token i: at most max_tokens + 1 tokens. Uncapped, this model repeats one word to the 224-token limit.
        result.Segments.Should().OnlyContain(s => s.Tokens.Count(t => !t.IsSpecial) <= 6);
    }

    [Fact]
    public void Process_AutoLanguage_DetectsALanguageWhisperKnows()
    {
        using WhisperProcessor processor = Build(b => b.WithLanguage("auto"));

        WhisperResult result = processor.Process(fixture.Jfk.AsSpan(0, 16000 * 3));

        result.Language.Should().NotBe("auto").And.MatchRegex("^[a-z]{2,3}$");
    }

    [Fact]
    public void Process_WithPromptAndShortAudioContext_Decodes()
    {
        using WhisperProcessor processor = Build(b => b.WithAudioContext(200).WithPrompt("ask not"));

        WhisperResult result = processor.Process(fixture.Jfk.AsSpan(0, 16000 * 4));

        result.Segments.Should().NotBeEmpty();
        result.Segments.Should().OnlyContain(s => s.Start >= TimeSpan.Zero && s.End <= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Process_TooShortAudio_ThrowsArgumentExceptionNamingTheMinimum()
    {
        using WhisperProcessor processor = Build();

        Action act = () => processor.Process(new float[WhisperProcessor.MinimumSamples - 1]);

        act.Should().Throw<ArgumentException>().WithMessage("*1600 samples (100 ms at 16 kHz)*");
    }

    [Fact]
    public void WithLanguage_UnknownCode_ThrowsArgumentException()
    {
        Action act = () => fixture.Factory.CreateBuilder().WithLanguage("xx-nope");

        act.Should().Throw<ArgumentException>().WithMessage("*xx-nope*");
    }

    [Fact]
    public async Task Process_CancelledAfterDecodingStarted_ThrowsOperationCanceled()
    {
        // Fallback on: random weights then decode to the token limit at six temperatures (~seconds), so a cancel
        // issued after the first abort poll always lands mid-decode.
        using WhisperProcessor processor = fixture.Factory.CreateBuilder().WithThreads(2).Build();
        using var cts = new CancellationTokenSource();
        float[] audio = fixture.Jfk;

        Task<WhisperResult> decode = Task.Run(() => processor.Process(audio, cts.Token));
        while (processor.AbortPolls == 0 && !decode.IsCompleted)
        {
            await Task.Delay(1);
        }

        await cts.CancelAsync();
        Func<Task> act = () => decode.WaitAsync(TimeSpan.FromSeconds(30));

        await act.Should().ThrowAsync<OperationCanceledException>();
        processor.AbortPolls.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Process_FromAnyCallerThread_RunsOnTheOneComputeThread()
    {
        // One OpenMP master thread per process keeps libgomp from throttling ggml's barriers (GgmlComputeThread).
        using WhisperProcessor first = Build();
        using WhisperProcessor second = Build();
        float[] audio = fixture.Jfk.AsSpan(0, 32000).ToArray();
        var ids = new List<int>();

        first.Process(audio);
        ids.Add(first.ComputeThreadId);
        ids.Add(await Task.Run(() => { second.Process(audio); return second.ComputeThreadId; }));
        var thread = new Thread(() => first.Process(audio));
        thread.Start();
        thread.Join();
        ids.Add(first.ComputeThreadId);

        ids.Should().AllBeEquivalentTo(GgmlComputeThread.Shared.ManagedThreadId);
        ids[0].Should().NotBe(Environment.CurrentManagedThreadId);
    }

    [Fact]
    public async Task Process_TwoProcessorsAtOnce_BothDecodeAndCancelOneLeavesTheOther()
    {
        using WhisperProcessor slow = fixture.Factory.CreateBuilder().WithThreads(2).Build(); // fallback on: seconds
        using WhisperProcessor quick = Build();
        using var cts = new CancellationTokenSource();
        Task<WhisperResult> cancelled = Task.Run(() => slow.Process(fixture.Jfk, cts.Token));
        while (slow.AbortPolls == 0 && !cancelled.IsCompleted)
        {
            await Task.Delay(1);
        }

        Task<WhisperResult> queued = Task.Run(() => quick.Process(fixture.Jfk.AsSpan(0, 32000)));
        await cts.CancelAsync();

        Func<Task> act = () => cancelled.WaitAsync(TimeSpan.FromSeconds(30));
        await act.Should().ThrowAsync<OperationCanceledException>();
        (await queued.WaitAsync(TimeSpan.FromSeconds(60))).Segments.Should().NotBeNull("the queued decode runs once the cancelled one has returned");
    }

    [Fact]
    public void Process_AlreadyCancelledToken_ThrowsBeforeDecoding()
    {
        using WhisperProcessor processor = Build();

        Action act = () => processor.Process(fixture.Jfk, new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
        processor.AbortPolls.Should().Be(0);
    }

    [Fact]
    public void Dispose_Twice_IsSafeAndProcessAfterwardsThrows()
    {
        WhisperProcessor processor = Build();

        processor.Dispose();
        processor.Dispose();
        Action act = () => processor.Process(fixture.Jfk);

        act.Should().Throw<ObjectDisposedException>();
    }
}
