using Captions.Bench.Reports;

namespace Captions.Bench.Tests.Reports;

public sealed class ReportModelTests
{
    [Fact]
    public void EmissionSample_ShownSeconds_PrefersPresentedThenTranslatedThenRecognised()
    {
        new EmissionSample(1, 1, false, "a", null, 1.0, 1.2, null, null).ShownSeconds.Should().Be(1.2);
        new EmissionSample(1, 1, false, "a", "b", 1.0, 1.2, 1.5, null).ShownSeconds.Should().Be(1.5);
        new EmissionSample(1, 1, false, "a", "b", 1.0, 1.2, 1.5, 1.6).ShownSeconds.Should().Be(1.6);
    }
}
