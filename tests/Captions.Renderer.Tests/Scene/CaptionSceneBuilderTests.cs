using Captions.Engine.Captioning;
using Captions.Renderer.Scene;
using Captions.Renderer.Threading;
using Captions.TestKit.Diagnostics;
using Captions.TestKit.Time;

namespace Captions.Renderer.Tests.Scene;

public sealed class CaptionSceneBuilderTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly TripleBuffer<CaptionScene> _buffer = new(() => new CaptionScene());

    private CaptionSceneBuilder NewBuilder(int history = CaptionSceneBuilder.DefaultCommittedHistory) => new(_buffer, _time, history);

    private CaptionScene Latest()
    {
        _buffer.TryAcquireLatest(out var scene);
        return scene;
    }

    [Fact]
    public async Task WriteAsync_PartialThenCommitted_OneCommittedLineWithItsFields()
    {
        var builder = NewBuilder();

        await builder.WriteAsync(TestLines.Partial(1, 0, "hello wor", stableWords: 1), CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        var committedAt = _time.GetTimestamp();
        await builder.WriteAsync(TestLines.Committed(1, 1, "hello world", translation: "hallo Welt"), CancellationToken.None);

        var scene = Latest();
        scene.LineCount.Should().Be(1);
        var line = scene.Lines[0];
        line.Should().BeEquivalentTo(new
        {
            Id = 1L,
            Version = 1,
            State = CaptionState.Committed,
            Source = "hello world",
            Translation = "hallo Welt",
            SourceStableLength = 11,
            TranslationStableLength = 10,
            Untranslated = false,
            UpdatedAt = committedAt,
        });
        line.Stamps.Mt.Should().Be(4);
        scene.Sequence.Should().Be(2);
        builder.Published.Should().Be(2);
    }

    [Fact]
    public void Apply_Partial_StableLengthCoversTheStableWords()
    {
        var builder = NewBuilder();

        builder.Apply(TestLines.Partial(1, 0, "one two three fou", stableWords: 2));

        var line = Latest().Lines[0];
        line.SourceStableLength.Should().Be("one two".Length);
        line.TranslationStableLength.Should().Be(0);
    }

    [Fact]
    public void Apply_OlderVersion_Ignored()
    {
        var builder = NewBuilder();
        builder.Apply(TestLines.Partial(1, 3, "newer"));

        builder.Apply(TestLines.Partial(1, 2, "older"));

        Latest().Lines[0].Source.Should().Be("newer");
        builder.Published.Should().Be(1, "a stale version publishes nothing");
    }

    [Fact]
    public void Apply_ManyCommittedLines_KeepsOnlyTheHistory()
    {
        var builder = NewBuilder(history: 4);

        for (var id = 1; id <= 10; id++)
        {
            builder.Apply(TestLines.Committed(id, 0, $"line {id}"));
        }

        builder.Apply(TestLines.Partial(11, 0, "in progress"));

        var scene = Latest();
        scene.LineCount.Should().Be(5);
        scene.Lines.ToArray().Select(l => l.Id).Should().Equal(7, 8, 9, 10, 11);
    }

    [Fact]
    public void Apply_CommitWithNoPartialLeft_MarksSpeechEndedAndPartialClearsIt()
    {
        var builder = NewBuilder();
        builder.Apply(TestLines.Partial(1, 0, "hi"));
        Latest().SpeechEndedAt.Should().Be(0);

        _time.Advance(TimeSpan.FromSeconds(1));
        builder.Apply(TestLines.Committed(1, 1, "hi"));
        Latest().SpeechEndedAt.Should().Be(_time.GetTimestamp());

        builder.Apply(TestLines.Partial(2, 0, "more"));
        Latest().SpeechEndedAt.Should().Be(0);
    }

    [Fact]
    public void MarkSpeechEnded_SetsTheGivenTime()
    {
        var builder = NewBuilder();
        builder.Apply(TestLines.Partial(1, 0, "hi"));

        builder.MarkSpeechEnded(12345);

        Latest().SpeechEndedAt.Should().Be(12345);
    }

    [Fact]
    public void SetOverlays_PublishesThemAndReplacesThePrevious()
    {
        var builder = NewBuilder();
        builder.SetOverlays([new SignOverlay("Ausgang", "Exit", "Sign", 10, 20, 100, 40), new SignOverlay("Kasse", null, null, 0, 0, 1, 1)]);
        builder.SetOverlays([new SignOverlay("Gleis 3", "Platform 3", "Sign", 300, 200, 120, 50)]);

        var scene = Latest();
        scene.Overlays.ToArray().Should().Equal(new SignOverlay("Gleis 3", "Platform 3", "Sign", 300, 200, 120, 50));
    }

    [Fact]
    public async Task CompleteAsync_MarksSpeechEndedNow()
    {
        var builder = NewBuilder();
        builder.Apply(TestLines.Partial(1, 0, "hi"));
        _time.Advance(TimeSpan.FromSeconds(2));

        await builder.CompleteAsync(CancellationToken.None);

        Latest().SpeechEndedAt.Should().Be(_time.GetTimestamp());
    }

    [Theory]
    [InlineData("one two three", 0, 0)]
    [InlineData("one two three", 1, 3)]
    [InlineData("  one   two three", 2, 11)]
    [InlineData("one two three", 3, 13)]
    [InlineData("one two three", 9, 13)]
    [InlineData("", 2, 0)]
    public void StableLength_CountsThroughTheLastStableWord(string text, int words, int expected)
    {
        CaptionSceneBuilder.StableLength(text, words).Should().Be(expected);
    }

    [Fact]
    public void Constructor_HistoryLargerThanTheScene_Throws()
    {
        var act = () => new CaptionSceneBuilder(_buffer, _time, CaptionScene.LineCapacity);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Apply_SteadyState_AllocatesNothing()
    {
        var builder = NewBuilder();
        var versions = Enumerable.Range(0, 1100).Select(v => TestLines.Partial(1, v, "steady text", stableWords: 1)).ToArray();
        var next = 0;
        void Step()
        {
            builder.Apply(versions[next++]);
            _buffer.TryAcquireLatest(out _);
        }

        for (var v = 0; v < 100; v++)
        {
            Step();
        }

        var allocated = AllocationProbe.SteadyStateBytes(Step, iterations: 300);

        allocated.Should().Be(0);
    }

    [Fact]
    public void CopyFrom_CopiesLinesOverlaysAndTimes()
    {
        var builder = NewBuilder();
        builder.Apply(TestLines.Committed(1, 0, "a", "b"));
        builder.SetOverlays([new SignOverlay("x", "y", "z", 1, 2, 3, 4)]);
        var source = Latest();
        var copy = new CaptionScene();

        copy.CopyFrom(source);

        copy.Lines.ToArray().Should().Equal(source.Lines.ToArray());
        copy.Overlays.ToArray().Should().Equal(source.Overlays.ToArray());
        copy.SpeechEndedAt.Should().Be(source.SpeechEndedAt);
        copy.Sequence.Should().Be(source.Sequence);
    }
}
