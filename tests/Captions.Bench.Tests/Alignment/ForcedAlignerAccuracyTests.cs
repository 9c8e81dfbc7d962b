using System.Globalization;
using Captions.Engine.Metrics.Latency;
using Xunit.Abstractions;

namespace Captions.Bench.Tests.Alignment;

/// <summary>
/// Accuracy against truth known by construction: espeak-ng words joined with known gaps (see
/// <see cref="EspeakSentence"/>), aligned, and each aligned boundary compared with where the word was placed.
/// </summary>
public sealed class ForcedAlignerAccuracyTests : IClassFixture<ForcedAlignerFixture>, IDisposable
{
    private readonly ForcedAlignerFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly string _work = Directory.CreateTempSubdirectory("captions-align-").FullName;

    public ForcedAlignerAccuracyTests(ForcedAlignerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Sentences => new()
    {
        "please call stella ask her to bring these things with her from the store",
        "the man who wasn't there was cold-hearted and rather selfish but never unkind",
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task Align_EspeakWordsWithKnownGaps_EveryWordInOrderWithinMeasuredError(string transcript)
    {
        using var timeout = new CancellationTokenSource(ForcedAlignerFixture.Timeout);
        EspeakSentence sentence = await EspeakSentence.SynthesizeAsync(transcript, _work, timeout.Token);

        IReadOnlyList<ReferenceWord> aligned = await _fixture.AlignAsync(sentence.Audio, transcript);

        aligned.Select(w => w.Word).Should().Equal(sentence.Truth.Select(w => w.Word), "every transcript word is found, in order");
        var errors = new List<double>();
        for (int i = 0; i < aligned.Count; i++)
        {
            ReferenceWord truth = sentence.Truth[i];
            ReferenceWord word = aligned[i];
            double startError = word.StartSeconds - truth.StartSeconds;
            double endError = word.EndSeconds - truth.EndSeconds;
            errors.Add(Math.Abs(startError));
            errors.Add(Math.Abs(endError));
            _output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{word.Word,-12} truth {truth.StartSeconds:0.000}-{truth.EndSeconds:0.000}  aligned {word.StartSeconds:0.000}-{word.EndSeconds:0.000}  error {startError * 1000:+0;-0} / {endError * 1000:+0;-0} ms"));
        }

        errors.Sort();
        double median = errors[errors.Count / 2];
        double p90 = errors[(int)(errors.Count * 0.9)];
        double max = errors[^1];
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"boundary error: median {median * 1000:0} ms, p90 {p90 * 1000:0} ms, max {max * 1000:0} ms over {errors.Count} boundaries"));

        // Measured over both sentences with gap noise from -51 to -81 dBFS: median 14-25 ms, p90 37-50 ms, max
        // 52-285 ms. The max is one word a sentence whose stop or fricative onset ("but", "call", "things")
        // swallows the gap before it; the aligner reports where the word's first frame best fits, and a stop
        // closure fits silence. Part of the median is the 25.6 ms analysis window: starts come out ~20 ms early.
        median.Should().BeLessThan(0.040);
        p90.Should().BeLessThan(0.080);
        max.Should().BeLessThan(0.350);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
