using BenchmarkDotNet.Attributes;
using Captions.Engine.Captioning;
using Captions.Engine.Output;
using Captions.Engine.Timing;

namespace Captions.Benchmarks.Output;

/// <summary>
/// Cost per caption version of the --events JSON Lines writer (the harness's input, written on the output stage for
/// every partial and commit): a 12-word partial with word timings and stamps, and the same line committed with a
/// translation, serialised into Stream.Null so only serialisation and the writer's own work are measured (the file
/// write and per-line flush are the OS's). Results are per version (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class JsonLinesEventWriterBenchmarks
{
    private const int Versions = 100;

    private CaptionLine _partial = null!;
    private CaptionLine _committed = null!;
    private JsonLinesEventWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new PipelineClock(TimeProvider.System);
        long now = clock.Now();
        string[] words = ["the", "next", "train", "to", "platform", "two", "leaves", "in", "five", "minutes", "from", "here"];
        WordTiming[] timings = [.. words.Select((w, i) => new WordTiming(w, TimeSpan.FromSeconds(10 + (0.35 * i)), TimeSpan.FromSeconds(10.3 + (0.35 * i)), 0.87f))];
        var stamps = new LatencyStamps(now, now, now, 0, 0);
        _partial = new CaptionLine(42, 3, CaptionState.Partial, string.Join(' ', words), timings[0].Start, timings[^1].End, timings, stamps)
        {
            Language = "en",
            Recognizer = "sphinx",
            StableWords = 9,
        };
        _committed = _partial with
        {
            Version = 4,
            State = CaptionState.Committed,
            Translation = "el próximo tren al andén dos sale en cinco minutos desde aquí",
            Stamps = stamps with { Mt = now },
        };
        _writer = new JsonLinesEventWriter(Stream.Null, clock, leaveOpen: true);
    }

    [GlobalCleanup]
    public ValueTask Cleanup() => _writer.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Versions)]
    public async Task PartialVersion()
    {
        for (int i = 0; i < Versions; i++)
        {
            await _writer.WriteAsync(_partial, CancellationToken.None);
        }
    }

    [Benchmark(OperationsPerInvoke = Versions)]
    public async Task CommittedTranslatedVersion()
    {
        for (int i = 0; i < Versions; i++)
        {
            await _writer.WriteAsync(_committed, CancellationToken.None);
        }
    }
}
