using Captions.Engine.Captioning;
using Captions.Engine.Output;
using Captions.TestKit.Captions;

namespace Captions.Engine.Tests.Output;

public sealed class SrtWriterTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly OutputFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task WriteAsync_CommittedLines_RoundTripWithMillisecondTimes()
    {
        var lines = new[]
        {
            CaptionLines.Committed(1, "he was not an ill disposed young man", 1.234, 3.5),
            CaptionLines.Committed(2, "unless to be rather cold hearted", 3723.004, 3725.999), // 1:02:03.004
            CaptionLines.Committed(3, "and rather selfish", 360_000.001, 360_001.5),           // 100 h
        };

        var cues = SrtParser.Parse(await WriteAsync(lines));

        cues.Select(c => c.Identifier).Should().Equal("1", "2", "3");
        cues.Select(c => c.Text).Should().Equal(lines.Select(l => l.Text));
        cues.Select(c => c.Start).Should().Equal(lines.Select(l => l.Start));
        cues.Select(c => c.End).Should().Equal(lines.Select(l => l.End));
    }

    [Fact]
    public async Task WriteAsync_ExactBytes_MatchTheSrtLayout()
    {
        string text = await WriteAsync([CaptionLines.Committed(1, "hello", 3723.004, 3724.5)]);

        text.Should().Be("1\n01:02:03,004 --> 01:02:04,500\nhello\n\n");
    }

    [Fact]
    public async Task WriteAsync_PartialAndEmptyLines_Skipped()
    {
        var lines = new[]
        {
            CaptionLines.Partial(1, "he was", 1, 2),
            CaptionLines.Committed(1, "he was not", 1, 2),
            CaptionLines.Committed(2, "   ", 2, 3),
            CaptionLines.Committed(3, string.Empty, 3, 4),
            CaptionLines.Partial(4, "ill", 4, 5),
            CaptionLines.Committed(4, "ill disposed", 4, 5),
        };

        var cues = SrtParser.Parse(await WriteAsync(lines));

        cues.Select(c => c.Text).Should().Equal("he was not", "ill disposed");
        cues.Select(c => c.Identifier).Should().Equal("1", "2");
    }

    [Fact]
    public async Task WriteAsync_LongCaption_SeveralNumberedCuesWithinLimits()
    {
        const string text = "and mister john dashwood had then leisure to consider how much there might be prudently in his power to do for them";

        var cues = SrtParser.Parse(await WriteAsync([CaptionLines.WithWordTimings(7, text, 60, 68)]));

        cues.Should().HaveCount(2);
        cues.Should().OnlyContain(c => c.Lines.Count <= 2 && c.Lines.All(l => l.Length <= 42));
        string.Join(' ', cues.SelectMany(c => c.Lines)).Should().Be(text);
        cues[0].Start.Should().Be(TimeSpan.FromSeconds(60));
        cues[0].End.Should().Be(cues[1].Start);
        cues[1].End.Should().Be(TimeSpan.FromSeconds(68));
    }

    [Fact]
    public async Task WriteAsync_Translation_SourceOnTopTranslationBelow()
    {
        var line = CaptionLines.Committed(1, "where is the train station", 5, 7, translation: "¿dónde está la estación de tren?");

        var cue = SrtParser.Parse(await WriteAsync([line])).Should().ContainSingle().Subject;

        cue.Lines.Should().Equal("where is the train station", "¿dónde está la estación de tren?");
    }

    [Fact]
    public async Task WriteAsync_TranslationDisabled_SourceOnly()
    {
        var line = CaptionLines.Committed(1, "where is the train station", 5, 7, translation: "¿dónde está la estación?");

        var cues = SrtParser.Parse(await WriteAsync([line], new SubtitleWriterOptions { IncludeTranslation = false }));

        cues.Single().Lines.Should().Equal("where is the train station");
    }

    [Fact]
    public async Task WriteAsync_ShortAndOverlappingLines_MinimumDurationWithoutOverlap()
    {
        var lines = new[]
        {
            CaptionLines.Committed(1, "yes", 10, 10),       // zero length: stretched to 0.5 s
            CaptionLines.Committed(2, "no", 10.2, 10.3),    // starts inside the stretched cue: delayed
            CaptionLines.Committed(3, "maybe", 20, 19),     // end before start
        };

        var cues = SrtParser.Parse(await WriteAsync(lines));

        cues.Select(c => (c.Start.TotalMilliseconds, c.End.TotalMilliseconds)).Should().Equal(
            (10_000, 10_500),
            (10_500, 11_000),
            (20_000, 20_500));
    }

    [Fact]
    public async Task Create_File_Utf8WithoutBomAndValidAfterEveryCue()
    {
        string path = _files.PathOf("captions.srt");
        await using var writer = SrtWriter.Create(path);

        await writer.WriteAsync(CaptionLines.Committed(1, "我们在火车站见面", 1, 2), CancellationToken.None).AsTask().WaitAsync(s_timeout);
        var afterFirst = SrtParser.Parse(OutputFiles.ReadSharedText(path));
        await writer.WriteAsync(CaptionLines.Committed(2, "café crème", 2, 3), CancellationToken.None).AsTask().WaitAsync(s_timeout);
        byte[] afterSecond = OutputFiles.ReadShared(path);

        afterFirst.Should().ContainSingle().Which.Text.Should().Be("我们在火车站见面");
        afterSecond.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        SrtParser.ParseFile(path).Select(c => c.Text).Should().Equal("我们在火车站见面", "café crème");
    }

    [Fact]
    public async Task WriteAsync_AfterDispose_Throws()
    {
        var writer = new SrtWriter(new StringWriter());
        await writer.DisposeAsync();

        var act = async () => await writer.WriteAsync(CaptionLines.Committed(1, "hi", 0, 1), CancellationToken.None);

        await act.Should().ThrowAsync<ObjectDisposedException>();
    }

    private static async Task<string> WriteAsync(IEnumerable<CaptionLine> lines, SubtitleWriterOptions? options = null)
    {
        var text = new StringWriter();
        await using var writer = new SrtWriter(text, options);
        foreach (var line in lines)
        {
            await writer.WriteAsync(line, CancellationToken.None).AsTask().WaitAsync(s_timeout);
        }

        await writer.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(s_timeout);
        return text.ToString();
    }
}
