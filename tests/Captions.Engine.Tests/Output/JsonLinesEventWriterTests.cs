using System.Text;
using System.Text.Json;
using Captions.Engine.Captioning;
using Captions.Engine.Output;
using Captions.Engine.Timing;

namespace Captions.Engine.Tests.Output;

public sealed class JsonLinesEventWriterTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private static readonly string[] s_lineKeys =
        ["type", "id", "version", "text", "translation", "language", "recognizer", "start", "end", "words", "stamps"];

    private readonly OutputFiles _files = new();
    private readonly ManualTimeProvider _time = new();
    private readonly PipelineClock _clock;

    public JsonLinesEventWriterTests() => _clock = new PipelineClock(_time);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task WriteAsync_EveryVersion_OneParsableObjectPerLineWithAllFields()
    {
        long captured = At(100);
        long vad = At(120.5);
        long asr = At(480.25);
        var partial = new CaptionLine(3, 1, CaptionState.Partial, "where is", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.25),
            [new WordTiming("where", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.8), 0.75f)], new LatencyStamps(captured, vad, asr, 0, 0))
        {
            Language = "en",
            Recognizer = "sphinx",
        };
        var commit = partial with
        {
            Version = 2,
            State = CaptionState.Committed,
            Text = "where is the station",
            Translation = "¿dónde está la estación?",
            Stamps = new LatencyStamps(captured, vad, asr, At(700), At(710.125)),
        };

        var lines = await WriteAsync([partial, commit]);

        lines.Should().HaveCount(3);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        var p = first.RootElement;
        var c = second.RootElement;
        p.EnumerateObject().Select(o => o.Name).Should().Equal(s_lineKeys);
        c.EnumerateObject().Select(o => o.Name).Should().Equal(s_lineKeys);
        p.GetProperty("type").GetString().Should().Be("partial");
        c.GetProperty("type").GetString().Should().Be("commit");
        p.GetProperty("id").GetInt64().Should().Be(3);
        c.GetProperty("version").GetInt32().Should().Be(2);
        c.GetProperty("text").GetString().Should().Be("where is the station");
        p.GetProperty("translation").ValueKind.Should().Be(JsonValueKind.Null);
        c.GetProperty("translation").GetString().Should().Be("¿dónde está la estación?");
        c.GetProperty("language").GetString().Should().Be("en");
        c.GetProperty("recognizer").GetString().Should().Be("sphinx");
        c.GetProperty("start").GetDouble().Should().Be(1.5);
        c.GetProperty("end").GetDouble().Should().Be(2.25);
        var word = c.GetProperty("words").EnumerateArray().Should().ContainSingle().Subject;
        word.GetProperty("w").GetString().Should().Be("where");
        word.GetProperty("start").GetDouble().Should().Be(1.5);
        word.GetProperty("end").GetDouble().Should().Be(1.8);
        word.GetProperty("conf").GetDouble().Should().Be(0.75);
        var stamps = c.GetProperty("stamps");
        stamps.GetProperty("captured").GetDouble().Should().Be(100);
        stamps.GetProperty("vad").GetDouble().Should().Be(120.5);
        stamps.GetProperty("asr").GetDouble().Should().Be(480.25);
        stamps.GetProperty("mt").GetDouble().Should().Be(700);
        stamps.GetProperty("presented").GetDouble().Should().Be(710.125);
        p.GetProperty("stamps").GetProperty("mt").ValueKind.Should().Be(JsonValueKind.Null);
        p.GetProperty("stamps").GetProperty("presented").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task CompleteAsync_WritesEndLineWithCountsOnce()
    {
        var lines = await WriteAsync(
            [CaptionLines.Partial(1, "a", 0, 1), CaptionLines.Partial(1, "ab", 0, 1), CaptionLines.Committed(1, "abc", 0, 1)],
            completeTwice: true);

        lines.Should().HaveCount(4);
        using var end = JsonDocument.Parse(lines[^1]);
        end.RootElement.GetProperty("type").GetString().Should().Be("end");
        end.RootElement.GetProperty("events").GetInt32().Should().Be(3);
        end.RootElement.GetProperty("partials").GetInt32().Should().Be(2);
        end.RootElement.GetProperty("commits").GetInt32().Should().Be(1);
        end.RootElement.GetProperty("elapsed").GetDouble().Should().Be(1000, "the test advanced the clock by 1 s before completing");
    }

    [Fact]
    public async Task WriteAsync_CjkAndQuotes_RawUtf8AndValidJson()
    {
        const string text = "他说：\"你好\"\n再见";

        var lines = await WriteAsync([CaptionLines.Committed(1, text, 0, 1)]);

        lines[0].Should().Contain("他说", "CJK is written as UTF-8, not \\u escapes");
        using var doc = JsonDocument.Parse(lines[0]);
        doc.RootElement.GetProperty("text").GetString().Should().Be(text);
    }

    [Fact]
    public async Task Create_File_EachLineOnDiskBeforeTheNextWrite()
    {
        string path = _files.PathOf("events.jsonl");
        await using var writer = JsonLinesEventWriter.Create(path, _clock);

        await writer.WriteAsync(CaptionLines.Partial(1, "he", 0, 1), CancellationToken.None).AsTask().WaitAsync(s_timeout);
        string afterFirst = OutputFiles.ReadSharedText(path);
        await writer.WriteAsync(CaptionLines.Committed(1, "hello", 0, 1), CancellationToken.None).AsTask().WaitAsync(s_timeout);
        string afterSecond = OutputFiles.ReadSharedText(path);

        afterFirst.Should().EndWith("\n").And.Contain("\"partial\"");
        afterSecond.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }

    [Fact]
    public async Task WritePresentedAsync_AfterItsVersion_PresentedRecordAndCountInEndLine()
    {
        var stream = new MemoryStream();
        await using (var writer = new JsonLinesEventWriter(stream, _clock, leaveOpen: true))
        {
            await writer.WriteAsync(CaptionLines.Partial(7, "hola", 0, 1), CancellationToken.None).AsTask().WaitAsync(s_timeout);
            await writer.WritePresentedAsync(7, 1, At(250.5), CancellationToken.None).AsTask().WaitAsync(s_timeout);
            await writer.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(s_timeout);
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        using var presented = JsonDocument.Parse(lines[1]);
        presented.RootElement.EnumerateObject().Select(o => o.Name).Should().Equal("type", "id", "version", "presented");
        presented.RootElement.GetProperty("type").GetString().Should().Be("presented");
        presented.RootElement.GetProperty("id").GetInt64().Should().Be(7);
        presented.RootElement.GetProperty("version").GetInt32().Should().Be(1);
        presented.RootElement.GetProperty("presented").GetDouble().Should().Be(250.5);
        using var end = JsonDocument.Parse(lines[2]);
        end.RootElement.GetProperty("presented").GetInt32().Should().Be(1);
        end.RootElement.GetProperty("events").GetInt32().Should().Be(1, "events counts caption versions; presented records are counted apart");
    }

    private long At(double milliseconds) => _clock.Origin + (long)(milliseconds * TimeSpan.TicksPerMillisecond);

    private async Task<string[]> WriteAsync(IEnumerable<CaptionLine> lines, bool completeTwice = false)
    {
        var stream = new MemoryStream();
        await using (var writer = new JsonLinesEventWriter(stream, _clock, leaveOpen: true))
        {
            foreach (var line in lines)
            {
                await writer.WriteAsync(line, CancellationToken.None).AsTask().WaitAsync(s_timeout);
            }

            _time.Advance(TimeSpan.FromSeconds(1));
            await writer.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(s_timeout);
            if (completeTwice)
            {
                await writer.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(s_timeout);
            }
        }

        string text = Encoding.UTF8.GetString(stream.ToArray());
        text.Should().EndWith("\n");
        return text.Split('\n')[..^1];
    }
}
