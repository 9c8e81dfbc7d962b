using Captions.Renderer.Layout;
using Captions.Renderer.Tests.Scene;

namespace Captions.Renderer.Tests.Layout;

public sealed class CaptionPresenterTests
{
    [Theory]
    [InlineData(5, 1.5)] // 0.29 s of reading -> the 1.5 s minimum
    [InlineData(51, 3.0)] // 51 / 17
    [InlineData(400, 7.0)] // 23.5 s -> the 7 s maximum
    public void ReadingTime_SeventeenCharactersASecondClamped(int characters, double seconds)
    {
        var presenter = new CaptionPresenter(CaptionStyle.Default, TimeProvider.System);

        presenter.ReadingTime(characters).TotalSeconds.Should().BeApproximately(seconds, 1e-9);
    }

    [Fact]
    public void Compose_ShortLineAfterSpeechEnds_ClearsAfterTheSpeechEndHold()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "Hi there")); // commit with nothing pending: speech ended now

        h.Time.Advance(TimeSpan.FromSeconds(1.99));
        h.Compose().Should().NotBeEmpty();
        h.Time.Advance(TimeSpan.FromSeconds(0.02));
        h.Compose().Should().BeEmpty("2 s after speech ended the screen clears");
        h.LastChanged.Should().BeTrue();
    }

    [Fact]
    public void Compose_LongLineAfterSpeechEnds_StaysForItsReadingTime()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        var text = new string('x', 40) + " " + new string('y', 41); // 82 chars: 4.82 s of reading
        h.Apply(TestLines.Committed(1, 0, text));

        h.Time.Advance(TimeSpan.FromSeconds(4.8));
        h.Compose().Should().NotBeEmpty("82 characters at 17/s need 4.82 s, longer than the 2 s speech-end hold");
        h.Time.Advance(TimeSpan.FromSeconds(0.05));
        h.Compose().Should().BeEmpty();
    }

    [Fact]
    public void Compose_CommittedLineWhileSpeechGoesOn_StaysUntilTheMaximum()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        h.Apply(TestLines.Committed(1, 0, "first"));
        h.Apply(TestLines.Partial(2, 0, "second"));

        h.Time.Advance(TimeSpan.FromSeconds(5));
        h.Apply(TestLines.Partial(2, 1, "second still")); // speech goes on
        h.Time.Advance(TimeSpan.FromSeconds(1.9));
        h.Compose().Should().HaveCount("first".Length + "secondstill".Length);

        h.Time.Advance(TimeSpan.FromSeconds(0.2));
        h.Compose().Should().HaveCount("secondstill".Length, "7 s after its commit the old line goes even while speech continues");
    }

    [Fact]
    public void Compose_PartialNeverCommitted_DroppedAfterSpeechEndHold()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Partial(1, 0, "mumble"));
        h.Builder.MarkSpeechEnded(h.Time.GetTimestamp());

        h.Time.Advance(TimeSpan.FromSeconds(1.9));
        h.Compose().Should().NotBeEmpty();
        h.Time.Advance(TimeSpan.FromSeconds(0.2));
        h.Compose().Should().BeEmpty();
    }

    [Fact]
    public void Compose_NewSpeechAfterAClear_ShowsAgain()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "one"));
        h.Time.Advance(TimeSpan.FromSeconds(3));
        h.Compose().Should().BeEmpty();

        h.Apply(TestLines.Partial(2, 0, "two"));

        h.NextFrame().Should().HaveCount(3);
    }

    [Fact]
    public void Validate_OutOfRange_ThrowsNamingTheSetting()
    {
        var act = () => new CaptionPresenter(CaptionStyle.Default with { Brightness = 1.5 }, TimeProvider.System);

        act.Should().Throw<ArgumentException>().WithMessage("*Brightness*1.5*0..1*");
    }
}
