using Captions.Cli.Commands;
using Captions.Engine.Models;
using Captions.TestKit.Time;

namespace Captions.Cli.Tests.Models;

public sealed class ModelsProgressPrinterTests
{
    private const long Total = 80L << 20;

    [Fact]
    public void Report_OnTerminal_RedrawsOneLineAtMostEvery100Ms()
    {
        var output = new StringWriter();
        var time = new ManualTimeProvider();
        var printer = new ModelsProgressPrinter(output, terminal: true, time);

        printer.Report(new ModelDownloadProgress(0, Total, 0, 0));
        printer.Report(new ModelDownloadProgress(1L << 20, Total, 0, 0));
        printer.Report(new ModelDownloadProgress(2L << 20, Total, 0, 0));
        time.Advance(TimeSpan.FromMilliseconds(150));
        printer.Report(new ModelDownloadProgress(40L << 20, Total, 8L << 20, 0));
        printer.Report(new ModelDownloadProgress(Total, Total, 8L << 20, 0));
        var beforeFinish = output.ToString();
        printer.Finish();

        beforeFinish.Should().NotContain("\n");
        beforeFinish.Split('\r', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3, "the 1 and 2 MiB reports came within 100 ms of the first");
        beforeFinish.Should().Contain("[###############...............]  50%  40.0 MiB / 80.0 MiB  8.0 MiB/s");
        beforeFinish.Should().EndWith("100%  80.0 MiB / 80.0 MiB  8.0 MiB/s");
        output.ToString().Should().EndWith(Environment.NewLine);
    }

    [Fact]
    public void Report_Redirected_PrintsALineEach10PercentAndSaysWhenResuming()
    {
        var output = new StringWriter();
        var printer = new ModelsProgressPrinter(output, terminal: false, new ManualTimeProvider());

        for (var received = 20L << 20; received <= Total; received += 1L << 20)
        {
            printer.Report(new ModelDownloadProgress(received, Total, 1L << 20, ResumedFrom: 20L << 20));
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("resuming from 20.0 MiB already downloaded");
        // Started at 25% (20 of 80 MiB): one line as each of 30%, 40%, ... 100% is reached.
        lines.Skip(1).Select(l => l.Trim().Split(' ')[0]).Should().Equal("30%", "40%", "50%", "60%", "70%", "80%", "90%", "100%");
        lines[^1].Should().Be("  100%  80.0 MiB / 80.0 MiB  1.0 MiB/s");
    }

    [Fact]
    public void Report_RedirectedUnknownSize_PrintsEvery32MiB()
    {
        var output = new StringWriter();
        var printer = new ModelsProgressPrinter(output, terminal: false, new ManualTimeProvider());

        for (var received = 0L; received <= 100L << 20; received += 1L << 20)
        {
            printer.Report(new ModelDownloadProgress(received, null, 0, 0));
        }

        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("  32.0 MiB  0 B/s", "  64.0 MiB  0 B/s", "  96.0 MiB  0 B/s");
    }
}
