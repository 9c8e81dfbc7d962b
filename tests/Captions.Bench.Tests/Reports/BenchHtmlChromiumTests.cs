using System.Diagnostics;
using System.Text.RegularExpressions;
using Captions.Bench.Reports;
using Xunit.Abstractions;

namespace Captions.Bench.Tests.Reports;

/// <summary>
/// The HTML report rendered by a real browser (issue 6 requires it): Chromium headless must draw every chart, in the
/// report's colours, with no script. Screenshots are kept under the temp directory (path printed) for a look.
/// </summary>
public sealed class BenchHtmlChromiumTests
{
    private const int Width = 1400;
    private const int Height = 3000;
    private static readonly string[] s_charts = ["stage-breakdown", "cdf-first-shown", "cdf-commit", "timeline", "lag-over-time"];
    private readonly ITestOutputHelper _output;

    public BenchHtmlChromiumTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Screenshot_TwoConfigurationsThreeItems_ShowsEveryChartColour()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 12), ("b", "clip", 6), ("long", "clip", 90)]);
        (string html, string png) = Paths("report");
        BenchHtmlWriter.WriteFile(report, html);

        await HeadlessChromium.ScreenshotAsync(html, png, Width, Height).WaitAsync(TimeSpan.FromMinutes(4));
        byte[] rgb = await HeadlessChromium.DecodeRgbAsync(png).WaitAsync(TimeSpan.FromMinutes(1));

        _output.WriteLine($"screenshot: {png} ({new FileInfo(png).Length} bytes)");
        rgb.Length.Should().Be(Width * Height * 3);
        int white = HeadlessChromium.CountPixels(rgb, "#ffffff", tolerance: 2);
        (Width * Height - white).Should().BeGreaterThan(Width * Height / 20, "the page shows charts and tables, not a blank page");

        // Each legend swatch is 14 x 14 = 196 px. A configuration colour is in 6 legends (2 CDFs, 3 timelines, 1 lag
        // chart) = 1176 px even if nothing were drawn; the stage colours are in one legend (196 px) and the bars are
        // ~20 px tall and 100-500 px long. Thresholds well above the legends prove the marks themselves are drawn.
        var expected = new (string Name, string Color, int Minimum)[]
        {
            ("configuration 1", ReportPalette.Series(0), 2500),
            ("configuration 2", ReportPalette.Series(1), 2500),
            ("configuration 1 partial/points", ReportPalette.Light(ReportPalette.Series(0)), 1500),
            ("captured -> recognised", ReportPalette.Recognised, 5000),
            ("-> translated", ReportPalette.Translated, 2000),
            ("-> presented", ReportPalette.Presented, 600),
            ("reference words", ReportPalette.ReferenceWord, 5000),
        };
        foreach ((string name, string color, int minimum) in expected)
        {
            int count = HeadlessChromium.CountPixels(rgb, color);
            _output.WriteLine($"{name} {color}: {count} px");
            count.Should().BeGreaterThan(minimum, $"{name} ({color}) is drawn in {png}");
        }
    }

    [Fact]
    public async Task DumpDom_HostileCaptions_HasEveryChartAndNoInjectedElement()
    {
        const string hostile = "</script><script>document.title='pwned'</script><svg onload=alert(1)><img src=x onerror=alert(2)>";
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 8), ("b", "clip", 5), ("s", "session", 70)], hostileText: hostile) with
        {
            Notes = [hostile],
        };
        (string html, _) = Paths("hostile");
        BenchHtmlWriter.WriteFile(report, html);

        string dom = await HeadlessChromium.DumpDomAsync(html).WaitAsync(TimeSpan.FromMinutes(4));

        foreach (string chart in s_charts)
        {
            dom.Should().Contain($"data-chart=\"{chart}\"", $"the browser's DOM has the {chart} chart");
        }

        Regex.Count(dom, "<svg ").Should().Be(Regex.Count(dom, "data-chart="), "every svg in the DOM is one of the report's charts");
        dom.Should().NotContain("<script").And.NotContain("<img").And.NotContain("pwned</title>");
        dom.Should().Contain("&lt;/script&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;");
    }

    [Fact]
    public async Task Screenshot_SixtyMinuteSession_RendersUnderFiveMegabytes()
    {
        BenchReport report = SyntheticBenchReport.Create([("a", "clip", 8), ("b", "clip", 6), ("hour", "session", 3600)], partialStep: 0.2);
        (string html, string png) = Paths("hour");
        BenchHtmlWriter.WriteFile(report, html);
        long bytes = new FileInfo(html).Length;

        long started = Stopwatch.GetTimestamp();
        await HeadlessChromium.ScreenshotAsync(html, png, Width, Height).WaitAsync(TimeSpan.FromMinutes(4));
        TimeSpan render = Stopwatch.GetElapsedTime(started);
        byte[] rgb = await HeadlessChromium.DecodeRgbAsync(png).WaitAsync(TimeSpan.FromMinutes(1));

        // Reported, not asserted: wall time depends on the machine.
        _output.WriteLine($"60-minute report: {html} {bytes} bytes ({report.Configurations.Sum(c => c.Items.Sum(i => i.Emissions.Count))} versions); chromium screenshot {render.TotalSeconds:0.0} s; {png}");
        bytes.Should().BeLessThan(5 * 1024 * 1024);
        HeadlessChromium.CountPixels(rgb, ReportPalette.Light(ReportPalette.Series(1))).Should().BeGreaterThan(1500, "the sampled lag points are drawn");
    }

    private static (string Html, string Png) Paths(string name)
    {
        string directory = Path.Combine(Path.GetTempPath(), "captions-bench-report");
        Directory.CreateDirectory(directory);
        return (Path.Combine(directory, name + ".html"), Path.Combine(directory, name + ".png"));
    }
}
