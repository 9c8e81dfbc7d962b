using Captions.Bench.Peers;
using Captions.Bench.Reports;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Reports;

public sealed class BenchJsonWriterTests
{
    [Fact]
    public void WriteFile_ThenReadFile_GivesAnEquivalentReportWithEveryRawSample()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 8), ("b", "clip", 5), ("s", "session", 70)]);
        string path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        try
        {
            BenchJsonWriter.WriteFile(report, path);
            BenchReport back = BenchJsonWriter.ReadFile(path);

            back.Should().BeEquivalentTo(report, options => options.WithStrictOrdering());
            back.Configurations[1].Items[2].Emissions.Should().HaveCount(report.Configurations[1].Items[2].Emissions.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Serialize_DoublesAndNulls_RoundTripExactlyAndNullsStayNull()
    {
        // 0.1 + 0.2 and 1/3 need all 17 significant digits; NaN and infinity are legal ratios that must not fail the write.
        double awkward = 0.1 + 0.2;
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 4)], configurations: 1) with { Peers = [] };
        ItemRun item = report.Configurations[0].Items[0] with
        {
            WallSeconds = awkward,
            AudioSeconds = 1.0 / 3,
            Errors = null,
            Emissions = [new EmissionSample(7, 1, true, "hi", null, awkward, 1e-300, null, null)],
            WordLags = [new WordLagSample(0, new ReferenceWord("hi", 0.1, 0.2), 0.25, null)],
            Metrics = new RunMetrics { CommitP50 = double.NaN, LagDrift = double.PositiveInfinity, FirstShownP95 = null },
        };
        report = report with { Configurations = [report.Configurations[0] with { Items = [item] }] };

        string json = BenchJsonWriter.Serialize(report);
        BenchReport back = BenchJsonWriter.Deserialize(json);

        json.Should().Contain("\"firstShownP95\":null").And.Contain("\"mtSeconds\":null").And.Contain("\"commitLagSeconds\":null")
            .And.Contain("\"errors\":null").And.Contain("\"configurations\"");
        ItemRun itemBack = back.Configurations[0].Items[0];
        itemBack.WallSeconds.Should().Be(awkward);
        itemBack.AudioSeconds.Should().Be(1.0 / 3);
        itemBack.Emissions[0].AsrSeconds.Should().Be(1e-300);
        itemBack.Emissions[0].MtSeconds.Should().BeNull();
        itemBack.WordLags[0].CommitLagSeconds.Should().BeNull();
        itemBack.WordLags[0].Word.Should().Be(new ReferenceWord("hi", 0.1, 0.2));
        itemBack.Errors.Should().BeNull();
        itemBack.Metrics.CommitP50.Should().Be(double.NaN);
        itemBack.Metrics.LagDrift.Should().Be(double.PositiveInfinity);
        back.Should().BeEquivalentTo(report, options => options.WithStrictOrdering());
    }

    [Fact]
    public void Serialize_NonAsciiCaptions_AreWrittenAsTextNotEscapes()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 2)], configurations: 1, hostileText: "mañana 你好 <b>") with { Peers = [] };

        string json = BenchJsonWriter.Serialize(report);

        json.Should().Contain("mañana 你好 <b>").And.NotContain("\\u00");
        BenchJsonWriter.Deserialize(json).Configurations[0].Items[0].Emissions[1].Text.Should().Be("mañana 你好 <b>");
    }

    [Fact]
    public void Deserialize_MissingRequiredField_ThrowsNamingTheSourceAndLine()
    {
        const string json = "{\n  \"corpus\": \"x\",\n  \"mode\": \"driven\"\n}";

        Action read = () => BenchJsonWriter.Deserialize(json, "broken.json");

        read.Should().Throw<InvalidDataException>().WithMessage("broken.json: line *manifestPath*");
    }

    [Fact]
    public void Deserialize_WrongType_ThrowsNamingTheSourceLineAndPath()
    {
        string json = BenchJsonWriter.Serialize(SyntheticBenchReport.Create([("a", "clip", 2)], configurations: 1))
            .Replace("\"audioSeconds\":2,", "\"audioSeconds\":\n\"two\",", StringComparison.Ordinal);

        Action read = () => BenchJsonWriter.Deserialize(json, "typo.json");

        read.Should().Throw<InvalidDataException>().WithMessage("typo.json: line 2, at *audioSeconds*");
    }

    [Fact]
    public void Serialize_PeerWithError_KeepsTheErrorAndCamelCaseNames()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 2)], configurations: 1) with
        {
            Peers = [new PeerRun("whisper-cli", "whisper-cli -f a.wav", "default", []) { Error = "model missing" }],
        };

        string json = BenchJsonWriter.Serialize(report);

        json.Should().Contain("\"comparedWith\":\"default\"").And.Contain("\"error\":\"model missing\"");
        BenchJsonWriter.Deserialize(json).Peers[0].Error.Should().Be("model missing");
    }
}
