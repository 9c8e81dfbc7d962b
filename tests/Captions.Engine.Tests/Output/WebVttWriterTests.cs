using Captions.Engine.Captioning;
using Captions.Engine.Output;
using Captions.TestKit.Captions;

namespace Captions.Engine.Tests.Output;

public sealed class WebVttWriterTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly OutputFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task WriteAsync_CommittedLines_RoundTripWithIdentifiersAndMillisecondTimes()
    {
        var lines = new[]
        {
            CaptionLines.Committed(4, "he was not an ill disposed young man", 1.234, 3.5),
            CaptionLines.Committed(5, "unless to be rather cold hearted", 3723.004, 3725.999),
            CaptionLines.Committed(9, "and rather selfish", 360_000.001, 360_001.5),
        };

        var cues = WebVttParser.Parse(await WriteAsync(lines));

        cues.Select(c => c.Identifier).Should().Equal("4", "5", "9");
        cues.Select(c => c.Text).Should().Equal(lines.Select(l => l.Text));
        cues.Select(c => c.Start).Should().Equal(lines.Select(l => l.Start));
        cues.Select(c => c.End).Should().Equal(lines.Select(l => l.End));
    }

    [Fact]
    public async Task WriteAsync_ExactBytes_HeaderThenCue()
    {
        string text = await WriteAsync([CaptionLines.Committed(3, "hello", 3723.004, 3724.5)]);

        text.Should().Be("WEBVTT\n\n3\n01:02:03.004 --> 01:02:04.500\nhello\n\n");
    }

    [Fact]
    public async Task WriteAsync_ReservedCharacters_EscapedAndNoArrowInText()
    {
        const string spoken = "fish & chips <b>bold</b> --> a>b";

        string text = await WriteAsync([CaptionLines.Committed(1, spoken, 0, 2)]);

        string cueText = text.Split('\n')[4];
        cueText.Should().Be("fish &amp; chips &lt;b&gt;bold&lt;/b&gt; --&gt; a&gt;b");
        text.Split('\n').Where(l => l.Contains("-->", StringComparison.Ordinal)).Should().ContainSingle("only the timing line");
        WebVttParser.Parse(text).Single().Text.Should().Be(spoken);
    }

    [Fact]
    public async Task CompleteAsync_NoCues_HeaderOnlyFileIsValid()
    {
        string text = await WriteAsync([CaptionLines.Partial(1, "hel", 0, 1)]);

        text.Should().Be("WEBVTT\n\n");
        WebVttParser.Parse(text).Should().BeEmpty();
    }

    [Fact]
    public async Task WriteAsync_PartialAndEmptyLines_Skipped()
    {
        var lines = new[]
        {
            CaptionLines.Partial(1, "he was", 1, 2),
            CaptionLines.Committed(1, "he was not", 1, 2),
            CaptionLines.Committed(2, " ", 2, 3),
            CaptionLines.Committed(3, "ill disposed", 4, 5),
        };

        var cues = WebVttParser.Parse(await WriteAsync(lines));

        cues.Select(c => (c.Identifier, c.Text)).Should().Equal(("1", "he was not"), ("3", "ill disposed"));
    }

    [Fact]
    public async Task WriteAsync_LongCaption_CueIdentifiersNumberedAfterTheFirst()
    {
        const string text = "and mister john dashwood had then leisure to consider how much there might be prudently in his power to do for them";

        var cues = WebVttParser.Parse(await WriteAsync([CaptionLines.Committed(12, text, 60, 68)]));

        cues.Select(c => c.Identifier).Should().Equal("12", "12-2");
        cues.Should().OnlyContain(c => c.Lines.Count <= 2 && c.Lines.All(l => l.Length <= 42));
        string.Join(' ', cues.SelectMany(c => c.Lines)).Should().Be(text);
    }

    [Fact]
    public async Task WriteAsync_Translation_BilingualCue()
    {
        var line = CaptionLines.Committed(1, "fish & chips", 5, 7, translation: "pescado y patatas <fritas>");

        var cue = WebVttParser.Parse(await WriteAsync([line])).Should().ContainSingle().Subject;

        cue.Lines.Should().Equal("fish & chips", "pescado y patatas <fritas>");
    }

    [Fact]
    public async Task Create_File_Utf8WithoutBomAndValidAfterEveryCue()
    {
        string path = _files.PathOf("captions.vtt");
        await using var writer = WebVttWriter.Create(path);

        await writer.WriteAsync(CaptionLines.Partial(1, "我们", 1, 2), CancellationToken.None).AsTask().WaitAsync(s_timeout);
        string afterPartial = OutputFiles.ReadSharedText(path);
        await writer.WriteAsync(CaptionLines.Committed(1, "我们在火车站见面", 1, 2), CancellationToken.None).AsTask().WaitAsync(s_timeout);
        byte[] afterCommit = OutputFiles.ReadShared(path);

        afterPartial.Should().Be("WEBVTT\n\n", "the header is on disk as soon as the pipeline produces anything");
        afterCommit.Take(6).Should().Equal("WEBVTT"u8.ToArray(), "no byte order mark");
        WebVttParser.ParseFile(path).Single().Text.Should().Be("我们在火车站见面");
    }

    private static async Task<string> WriteAsync(IEnumerable<CaptionLine> lines)
    {
        var text = new StringWriter();
        await using var writer = new WebVttWriter(text);
        foreach (var line in lines)
        {
            await writer.WriteAsync(line, CancellationToken.None).AsTask().WaitAsync(s_timeout);
        }

        await writer.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(s_timeout);
        return text.ToString();
    }
}
