using System.Text.RegularExpressions;
using System.Xml.Linq;
using Captions.Bench.Reports;

namespace Captions.Bench.Tests.Reports;

public sealed partial class BenchHtmlWriterTests
{
    private const string Hostile = "</script><script>alert(1)</script><svg onload=alert(2)><img src=x onerror=alert(3)> & \"quoted\" 'single'";

    [Fact]
    public void Render_SyntheticReport_HasEveryChartWithTitleLegendAndAxisLabels()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 8), ("b", "clip", 5), ("c", "clip", 6), ("d", "clip", 4), ("s", "session", 90)]);

        string html = BenchHtmlWriter.Render(report);

        List<XElement> charts = Charts(html);
        charts.Select(c => (string)c.Attribute("data-chart")!).Distinct().Should().BeEquivalentTo(
            "stage-breakdown", "cdf-first-shown", "cdf-commit", "timeline", "lag-over-time");
        // Timelines: the first three items plus the session item; lag over time: the session only.
        charts.Where(c => (string)c.Attribute("data-chart")! == "timeline").Select(c => (string)c.Attribute("data-item")!)
            .Should().Equal("a", "b", "c", "s");
        charts.Where(c => (string)c.Attribute("data-chart")! == "lag-over-time").Select(c => (string)c.Attribute("data-item")!)
            .Should().Equal("s");
        foreach (XElement chart in charts)
        {
            string name = (string)chart.Attribute("data-chart")!;
            chart.Attribute("data-empty").Should().BeNull($"{name} has data");
            chart.Elements(Svg + "title").Should().ContainSingle($"{name} has a title").Which.Value.Should().NotBeEmpty();
            chart.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend").Should().ContainSingle($"{name} has a legend")
                .Which.Elements(Svg + "rect").Should().HaveCountGreaterThanOrEqualTo(2);
            chart.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "axis-label")
                .Should().Contain(t => t.Value.Contains("(s)"), $"{name} labels an axis with its unit");
        }

        html.Should().Contain("data-table=\"summary\"").And.Contain("data-table=\"peers\"").And.Contain("data-table=\"items\"");
        html.Should().Contain("<li>synthetic data for the report tests</li>");
    }

    [Fact]
    public void Render_StageChart_StacksTheThreeStagesPerConfiguration()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 20)]);

        XElement stages = Charts(BenchHtmlWriter.Render(report)).Single(c => (string)c.Attribute("data-chart")! == "stage-breakdown");

        // Synthetic stamps: asr - captured ~0.2 s (0.32 s for the second), mt - asr ~0.075 s, presented - mt 0.016 s.
        var bars = stages.Elements(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        bars.Should().HaveCount(6);
        bars.Select(r => (string)r.Attribute("fill")!).Should().Equal(
            ReportPalette.Recognised, ReportPalette.Translated, ReportPalette.Presented,
            ReportPalette.Recognised, ReportPalette.Translated, ReportPalette.Presented);
        bars[0].Value.Should().StartWith("default: recognised 0.2");
        bars[3].Value.Should().StartWith("step-500ms: recognised 0.3");
        bars[5].Value.Should().StartWith("step-500ms: presented 0.016");
    }

    [Fact]
    public void Render_HostileCaptionsAndNames_RenderAsEscapedText()
    {
        BenchReport report = SyntheticBenchReport.Create([("a" + Hostile, "clip", 8), ("s", "session", 70)], hostileText: Hostile) with
        {
            Corpus = Hostile,
            Machine = Hostile,
            Notes = [Hostile],
        };

        string html = BenchHtmlWriter.Render(report);

        html.Should().NotContain("<script").And.NotContain("<svg onload").And.NotContain("<img");
        html.Should().Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;svg onload=alert(2)&gt;");
        // Every svg is one of ours (a data-chart), and each is well-formed XML: no injected markup split one open.
        Regex.Count(html, "<svg").Should().Be(Charts(html).Count);
        Charts(html).SelectMany(c => c.Descendants(Svg + "title")).Should().Contain(t => t.Value.Contains(Hostile, StringComparison.Ordinal),
            "the caption text shows as a tooltip, as text");
    }

    [Fact]
    public void Render_Always_ReferencesNothingOutsideTheFile()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 8), ("s", "session", 70)]);

        string html = BenchHtmlWriter.Render(report);

        UrlPattern().Matches(html).Select(m => m.Value).Distinct().Should().Equal("http://www.w3.org/2000/svg");
        html.Should().NotContainAny("src=", "href=", "@import", "url(", "<link", "<script", "<iframe", "<object");
        html.Should().Contain("default-src 'none'", "a Content-Security-Policy blocks fetches and scripts even if escaping ever failed");
    }

    [Fact]
    public void Render_NoEmissionsNoWordLags_EveryChartSaysNoData()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 8), ("s", "session", 70)]);
        report = report with
        {
            Configurations = report.Configurations.Select(c => c with
            {
                Items = c.Items.Select(i => i with { Emissions = [], WordLags = [], Reference = [] }).ToList(),
            }).ToList(),
        };

        string html = BenchHtmlWriter.Render(report);

        List<XElement> charts = Charts(html);
        charts.Select(c => (string)c.Attribute("data-chart")!).Distinct().Should().BeEquivalentTo(
            "stage-breakdown", "cdf-first-shown", "cdf-commit", "timeline", "lag-over-time");
        charts.Should().OnlyContain(c => (string?)c.Attribute("data-empty") == "true");
        charts.Should().OnlyContain(c => c.Value.Contains("no data: "));
    }

    [Fact]
    public void Render_NoConfigurations_StillWritesAPageWithNoDataCharts()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 2)], configurations: 1) with { Configurations = [], Peers = [] };

        string html = BenchHtmlWriter.Render(report);

        Charts(html).Select(c => (string)c.Attribute("data-chart")!).Should().BeEquivalentTo(
            "stage-breakdown", "cdf-first-shown", "cdf-commit", "timeline", "lag-over-time");
        Charts(html).Should().OnlyContain(c => (string?)c.Attribute("data-empty") == "true");
        html.Should().Contain("No peer ran.");
    }

    [Fact]
    public void Render_SixtyMinuteSession_StaysUnderFiveMegabytesAndDownsamples()
    {
        // ~19k versions per configuration (a partial every 0.2 s over an hour) and ~9k reference words.
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 8), ("b", "clip", 6), ("hour", "session", 3600)], partialStep: 0.2);
        report.Configurations[0].Items[2].Emissions.Count.Should().BeGreaterThanOrEqualTo(18_000);

        string html = BenchHtmlWriter.Render(report);

        System.Text.Encoding.UTF8.GetByteCount(html).Should().BeLessThan(5 * 1024 * 1024);
        XElement lag = Charts(html).Single(c => (string)c.Attribute("data-chart")! == "lag-over-time");
        lag.Descendants(Svg + "circle").Should().HaveCountLessThanOrEqualTo(2 * 800).And.HaveCountGreaterThan(2 * 700);
        XElement timeline = Charts(html).Single(c => (string?)c.Attribute("data-item") == "hour" && (string)c.Attribute("data-chart")! == "timeline");
        timeline.Element(Svg + "title")!.Value.Should().Contain("0-60 s of 3600 s");
    }

    private static XNamespace Svg => "http://www.w3.org/2000/svg";

    /// <summary>Every inline svg parsed as XML: a fragment that is not well-formed fails here.</summary>
    private static List<XElement> Charts(string html) =>
        SvgPattern().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();

    [GeneratedRegex(@"https?://[^\s""'<>]*")]
    private static partial Regex UrlPattern();
}
