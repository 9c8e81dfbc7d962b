using Captions.Engine.Captioning;
using Captions.Engine.Metrics.Latency;
using Captions.Engine.Output;
using Captions.Engine.Tests.Output;
using Captions.Engine.Timing;

namespace Captions.Engine.Tests.Metrics.Latency;

public sealed class EventLogTests : IDisposable
{
    private readonly OutputFiles _files = new();
    private readonly ManualTimeProvider _time = new();
    private readonly PipelineClock _clock;

    public EventLogTests() => _clock = new PipelineClock(_time);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_FileFromTheRealWriter_VersionsWithEmitAndPresentedSeconds()
    {
        var path = _files.PathOf("events.jsonl");
        await using (var writer = JsonLinesEventWriter.Create(path, _clock))
        {
            await writer.WriteAsync(Line(1, 1, CaptionState.Partial, "hello", asr: 500, mt: 0), CancellationToken.None);
            await writer.WritePresentedAsync(1, 1, At(520), CancellationToken.None);
            await writer.WriteAsync(Line(1, 2, CaptionState.Committed, "hello world", asr: 900, mt: 1200) with { Translation = "hola mundo" }, CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        var emissions = EventLog.Read(path);

        emissions.Should().Equal(
            new CaptionEmission(1, 1, false, "hello", 0.5, 0.52),
            new CaptionEmission(1, 2, true, "hola mundo", 1.2, null));
        NormalisedErasure.Compute(emissions).Should().Be(4.0 / 10, "'hello' gives way to the translation: 5 shown - 1 common ('h') erased over 10 committed");
    }

    [Fact]
    public void Read_MalformedLine_NamesFileAndLine()
    {
        var path = _files.PathOf("bad.jsonl");
        File.WriteAllLines(path, ["""{"type":"end","events":0}""", "{not json"]);

        var act = () => EventLog.Read(path);

        act.Should().Throw<EventLogException>().WithMessage($"{path}:2:*");
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        var act = () => EventLog.Read(_files.PathOf("absent.jsonl"));

        act.Should().Throw<FileNotFoundException>().WithMessage("*absent.jsonl*does not exist*");
    }

    private long At(double milliseconds) => _clock.Origin + (long)(milliseconds * TimeSpan.TicksPerMillisecond);

    private CaptionLine Line(long id, int version, CaptionState state, string text, double asr, double mt) =>
        new(id, version, state, text, TimeSpan.Zero, TimeSpan.FromSeconds(1), [], new LatencyStamps(At(10), At(20), At(asr), mt > 0 ? At(mt) : 0, 0));
}
