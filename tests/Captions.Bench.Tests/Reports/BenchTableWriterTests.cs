using Captions.Bench.Peers;
using Captions.Bench.Reports;
using Captions.Engine.Metrics;
using Spectre.Console;

namespace Captions.Bench.Tests.Reports;

public sealed class BenchTableWriterTests
{
    [Fact]
    public void Write_KnownMetrics_PrintsMillisecondsRatiosAndPercentages()
    {
        var metrics = new RunMetrics
        {
            FirstPartialSeconds = 0.4321,
            FirstShownP50 = 0.85,
            FirstShownP95 = 1.25,
            CommitP50 = 2.5,
            CommitP95 = 3.75,
            AverageLagging = 1.111,
            Laal = 1.222,
            TranslationLagP50 = 0.07,
            PresentedLagP50 = 0.016,
            NormalisedErasure = 0.125,
            AsrRtf = 0.3333,
            WallRtf = 1.01,
            ErrorRate = 0.1234,
            LagDrift = 1.5,
            MissingWords = 3,
            ReferenceWords = 120,
        };
        BenchReport report = Report([new ConfigurationRun("fast[1]", "sphinx", [], metrics)]);

        string output = Capture(report);

        string row = Line(output, "fast[1]");
        Cells(row).Should().Equal("fast[1]", "432", "850", "1250", "2500", "3750", "1111", "1222", "70", "16", "0.13", "0.33", "1.01", "12.3%", "1.50x", "3/120");
        output.Should().Contain("in ms");
    }

    [Fact]
    public void Write_NullMetrics_PrintsDashesNotZeros()
    {
        BenchReport report = Report([new ConfigurationRun("bare", "no alignment", [], new RunMetrics { ErrorRate = 0.5, ErrorRateIsCharacters = true })]);

        string output = Capture(report);

        Cells(Line(output, "bare")).Should().Equal("bare", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "50.0% CER", "-", "-");
    }

    [Fact]
    public void Write_Peer_PrintsWerAndRatiosAgainstTheNamedConfiguration()
    {
        // Ours: ASR busy 2 s + 3 s on a and b; the peer: wall 10 + 5 s, CPU 20 + 10 s on a and b; c failed for the peer.
        ItemRun a = Item("a", asrBusy: 2, new WordErrorCounts(1, 0, 0, 10));
        ItemRun b = Item("b", asrBusy: 3, new WordErrorCounts(0, 1, 0, 10));
        ItemRun c = Item("c", asrBusy: 100, null);
        var ours = new ConfigurationRun("default", "sphinx", [a, b, c], new RunMetrics());
        var other = new ConfigurationRun("other", "sphinx", [Item("a", 1000, null)], new RunMetrics());
        var peer = new PeerRun("whisper-cli", "whisper-cli -f", "default",
        [
            new PeerItem("a", 10, 10, 20, "x") { Errors = new WordErrorCounts(1, 1, 1, 10) },
            new PeerItem("b", 10, 5, 10, "y") { Errors = new WordErrorCounts(0, 0, 1, 10) },
            new PeerItem("c", 10, 99, 99, string.Empty) { Error = "timeout after 60 s" },
        ]);
        BenchReport report = Report([other, ours]) with { Peers = [peer] };

        string output = Capture(report);

        // WER 4/20 = 20%, ours 2/20 = 10%, wall RTF 15/20, wall/asr 15/5, cpu/asr 30/5.
        Cells(Line(output, "whisper-cli")).Should().Equal("whisper-cli", "default", "2/3", "20.0%", "10.0%", "0.75", "3.00", "6.00");
        output.Should().Contain("peer whisper-cli / c: timeout after 60 s");
    }

    [Fact]
    public void Write_PeerComparedWithUnknownConfiguration_PrintsDashRatiosAndANote()
    {
        var peer = new PeerRun("pocketsphinx_continuous", "pocketsphinx_continuous", "nope", [new PeerItem("a", 10, 4, 4, "x")]);
        BenchReport report = Report([new ConfigurationRun("default", "sphinx", [Item("a", 2, null)], new RunMetrics())]) with { Peers = [peer] };

        string output = Capture(report);

        Cells(Line(output, "pocketsphinx_continuous")).Should().Equal("pocketsphinx_continuous", "nope", "1/1", "-", "-", "0.40", "-", "-");
        output.Should().Contain("compared with \"nope\", which is not a configuration of this run");
    }

    [Fact]
    public void Write_ReportAndItemNotes_PrintsThemBelowTheTable()
    {
        ItemRun failed = Item("broken", 1, null) with { Status = "failed", Error = "recogniser crashed", Notes = ["no transcript: WER skipped"] };
        BenchReport report = Report([new ConfigurationRun("default", "sphinx", [failed], new RunMetrics())]) with { Notes = ["corpus: item x has no audio"] };

        string output = Capture(report);

        int table = output.IndexOf("default", StringComparison.Ordinal);
        output.IndexOf("Notes:", StringComparison.Ordinal).Should().BeGreaterThan(table);
        output.Should().Contain("- corpus: item x has no audio")
            .And.Contain("- default / broken: failed: recogniser crashed")
            .And.Contain("- default / broken: no transcript: WER skipped");
    }

    [Fact]
    public void Write_NarrowTerminal_PrintsConfigurationsAsColumnsWithTheSameNumbers()
    {
        var fast = new ConfigurationRun("fast", "sphinx", [], new RunMetrics { FirstShownP50 = 0.85, CommitP95 = 3.75, ReferenceWords = 10, MissingWords = 1 });
        var slow = new ConfigurationRun("slow", "whisper", [], new RunMetrics { FirstShownP50 = 1.5 });
        BenchReport report = Report([fast, slow]);

        string output = Capture(report, width: 80);

        output.Split('\n').Should().OnlyContain(line => line.Length <= 80);
        Cells(Line(output, "metric")).Should().Equal("metric", "fast", "slow");
        Cells(Line(output, "shown p50")).Should().Equal("shown p50", "850", "1500");
        Cells(Line(output, "commit p95")).Should().Equal("commit p95", "3750", "-");
        Cells(Line(output, "missing words")).Should().Equal("missing words", "1/10", "-");
    }

    private static BenchReport Report(IReadOnlyList<ConfigurationRun> configurations) => new()
    {
        Corpus = "unit",
        ManifestPath = "m.json",
        Mode = "driven",
        Started = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Machine = "test",
        Configurations = configurations,
    };

    private static ItemRun Item(string id, double asrBusy, WordErrorCounts? errors) => new()
    {
        Id = id,
        Kind = "clip",
        Language = "en",
        AudioSeconds = 10,
        Status = "ok",
        Errors = errors,
        Stages = new StageTimes(0, asrBusy, 0),
        Metrics = new RunMetrics(),
    };

    private static string Capture(BenchReport report, int width = 400)
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        // 400: wide enough that no cell wraps, so each row is one line.
        console.Profile.Width = width;
        BenchTableWriter.Write(report, console);
        return writer.ToString();
    }

    private static string Line(string output, string firstCell) =>
        output.Split('\n').Single(line => Cells(line) is { Length: > 0 } cells && cells[0] == firstCell);

    private static string[] Cells(string line) =>
        line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToArray();
}
