using System.Diagnostics;
using Captions.Engine.Metrics.Latency;
using Captions.TestKit.Vision;
using Xunit.Abstractions;

namespace Captions.Vision.PaddleOcr.Tests;

/// <summary>
/// The whole chain on real photos nobody here took (opencv-doc's scene-text samples): character error rate against
/// the truth in <see cref="TestImages.SceneTextTruth"/>. CER is <see cref="CharacterErrorRate"/>'s: letters and digits
/// only, lower-cased (case, spaces, punctuation and line breaks do not count), readings joined in reading order.
/// The truth lists only each photo's main sign, so real text it leaves out (a second NO PARKING barrier, the
/// "Washington Post" box in 01, the sign repeated on a banner in 06) counts as insertions; the miss rate
/// (substitutions + deletions over truth characters) is what says whether the sign itself was read. Bounds are the
/// values measured on 2026-12-03 (PP-OCRv4, ORT 1.30.0) plus a margin.
/// </summary>
[Collection(PaddleOcrCollection.Name)]
public sealed class ScenePhotoTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("scenetext01.jpg", 0.45, 0.10)] // measured CER 0.333 (13 insertions: "Washingln Post"), miss 0
    [InlineData("scenetext02.jpg", 0.15, 0.15)] // measured 0.042: "Wivenioe Fark", miss 0.042
    [InlineData("scenetext03.jpg", 0.60, 0.35)] // measured 0.462: "copy centre" above "the" by reading order, miss 0.231
    [InlineData("scenetext04.jpg", 1.20, 0.10)] // measured 1.000 (5 insertions: the logo above, read "Amico", on a 5-character truth), miss 0
    [InlineData("scenetext05.jpg", 1.20, 0.10)] // measured 1.000: both barriers read "NO PARKING", miss 0
    [InlineData("scenetext06.jpg", 1.10, 0.10)] // measured 0.917: the sign and its banner both read, miss 0
    public void ReadAll_ScenePhoto_CharacterErrorRateWithinMeasuredBound(string photo, double maxCer, double maxMissRate)
    {
        var engine = PaddleOcrTestAssets.Engine;
        var frame = TestImages.DecodeWithFfmpeg(TestImages.OpenCvPhoto(photo));

        var watch = Stopwatch.StartNew();
        var regions = engine.Detector.Detect(frame);
        double detectMs = watch.Elapsed.TotalMilliseconds;
        var readings = engine.ReadAll(frame);
        double allMs = watch.Elapsed.TotalMilliseconds - detectMs;

        string hypothesis = string.Join("\n", readings.Select(r => r.Text.Text));
        var counts = CharacterErrorRate.Compute(TestImages.SceneTextTruth[photo], hypothesis);
        double missRate = (double)(counts.Substitutions + counts.Deletions) / counts.ReferenceWords;
        output.WriteLine(
            $"{photo} {frame.Width}x{frame.Height}: {regions.Count} regions, {readings.Count} readings, CER {counts.Rate:F3} miss {missRate:F3} "
            + $"(S={counts.Substitutions} D={counts.Deletions} I={counts.Insertions} N={counts.ReferenceWords})");
        output.WriteLine($"  detect {detectMs:F0} ms, detect+recognise {allMs:F0} ms (informational)");
        foreach (var r in readings)
        {
            output.WriteLine($"  [{r.Region.Score:F2}] {r.Text.Text} ({r.Text.Confidence:F2}) at {r.Region.Box.Bounds}");
        }

        counts.Rate.Should().BeLessThanOrEqualTo(maxCer, $"{photo} read as \"{hypothesis}\"");
        missRate.Should().BeLessThanOrEqualTo(maxMissRate, $"{photo} read as \"{hypothesis}\"");
    }
}
