using Captions.Engine.Audio;
using Captions.TestKit.Audio;
using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.Audio;

public sealed class ResamplerTests
{
    private const int Out = 16_000;
    private const double Amplitude = 0.5;

    public static TheoryData<int, double> RatesAndTones
    {
        get
        {
            var data = new TheoryData<int, double>();
            foreach (int rate in new[] { 8_000, 11_025, 22_050, 44_100, 48_000, 96_000, 15_999, 16_001 })
            {
                data.Add(rate, 440);
                data.Add(rate, 3_000);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RatesAndTones))]
    public void Process_InBandSine_KeepsFrequencyAmplitudeAndTiming(int inputRate, double frequency)
    {
        float[] input = TestSignal.Sine(frequency, inputRate, 3 * inputRate, Amplitude);

        float[] output = SignalMetrics.ResampleAll(input, inputRate, Out);

        // Steady state: the middle second (edges carry the filter's start-up and the zero padding of Flush).
        ReadOnlySpan<float> middle = output.AsSpan(Out, Out);
        SignalMetrics.ZeroCrossings(middle).Should().BeInRange((int)(2 * frequency) - 1, (int)(2 * frequency) + 1);
        double gainDb = SignalMetrics.Decibels(SignalMetrics.Amplitude(middle, frequency, Out) / Amplitude);
        gainDb.Should().BeInRange(-0.1, 0.1);

        // Zero delay: output k is the input at time k / 16000. Even a 0.01-sample shift at 3 kHz would be 0.006 off.
        double worst = 0;
        for (int k = Out; k < 2 * Out; k++)
        {
            double ideal = Amplitude * Math.Sin(2 * Math.PI * frequency * k / Out);
            worst = Math.Max(worst, Math.Abs(output[k] - ideal));
        }

        worst.Should().BeLessThan(1e-3, "output sample k must sit at input time k/16000 with no offset");
    }

    [Theory]
    [InlineData(48_000, 10_000)]
    [InlineData(48_000, 8_500)]
    [InlineData(44_100, 9_000)]
    [InlineData(44_100, 15_000)]
    [InlineData(96_000, 20_000)]
    [InlineData(22_050, 10_000)]
    public void Process_ToneAboveOutputNyquist_IsAttenuatedAtLeast60Db(int inputRate, double frequency)
    {
        float[] input = TestSignal.Sine(frequency, inputRate, 2 * inputRate, Amplitude);

        float[] output = SignalMetrics.ResampleAll(input, inputRate, Out);

        double attenuationDb = SignalMetrics.Decibels(SignalMetrics.Rms(output.AsSpan(Out / 2, Out)) / (Amplitude / Math.Sqrt(2)));
        attenuationDb.Should().BeLessThanOrEqualTo(-60);
    }

    [Fact]
    public void Process_Upsample8kTo16k_SuppressesTheImage()
    {
        // Zero-stuffing 8 kHz to 16 kHz mirrors a 3 kHz tone to 5 kHz; the filter must remove that image.
        float[] input = TestSignal.Sine(3_000, 8_000, 16_000, Amplitude);

        float[] output = SignalMetrics.ResampleAll(input, 8_000, Out);

        output.Should().HaveCount(32_000);
        double imageDb = SignalMetrics.Decibels(SignalMetrics.Amplitude(output.AsSpan(Out / 2, Out), 5_000, Out) / Amplitude);
        imageDb.Should().BeLessThanOrEqualTo(-60);
    }

    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(8_000)]
    [InlineData(15_999)]
    public void Process_UnevenChunks_GivesTheSameOutputAsOneCall(int inputRate)
    {
        float[] input = TestSignal.Noise(inputRate, seed: 11);
        float[] expected = SignalMetrics.ResampleAll(input, inputRate, Out);
        var resampler = new Resampler(inputRate, Out);
        var output = new float[expected.Length + 16];
        int[] sizes = [1, 7, 0, 100, 4_096, 5_000, 3, 441, 9_999, 2];
        int written = 0;

        for (int offset = 0, i = 0; offset < input.Length; i++)
        {
            int size = Math.Min(sizes[i % sizes.Length], input.Length - offset);
            written += resampler.Process(input.AsSpan(offset, size), output.AsSpan(written));
            offset += size;
        }

        written += resampler.Flush(output.AsSpan(written));

        output[..written].Should().Equal(expected);
    }

    [Theory]
    [InlineData(44_100, 44_100, 16_000)]
    [InlineData(44_100, 10, 4)]
    [InlineData(48_000, 1, 1)]
    [InlineData(48_000, 2, 1)]
    [InlineData(8_000, 12_345, 24_690)]
    [InlineData(22_050, 22_051, 16_001)]
    public void ProcessAndFlush_WholeStream_EmitsCeilOfLengthTimesRatio(int inputRate, int inputLength, int expected)
    {
        float[] output = SignalMetrics.ResampleAll(TestSignal.Noise(inputLength), inputRate, Out);

        output.Should().HaveCount(expected);
    }

    [Fact]
    public void Process_EqualRates_CopiesAndFlushesNothing()
    {
        float[] input = TestSignal.Noise(1_000);
        var resampler = new Resampler(16_000, 16_000);
        var output = new float[1_000];

        int written = resampler.Process(input, output);

        written.Should().Be(1_000);
        output.Should().Equal(input);
        resampler.Flush(output).Should().Be(0);
    }

    [Fact]
    public void Flush_InSmallPieces_MatchesOneFlush()
    {
        float[] input = TestSignal.Noise(5_000, seed: 2);
        float[] expected = SignalMetrics.ResampleAll(input, 44_100, Out);
        var resampler = new Resampler(44_100, Out);
        var output = new float[expected.Length];
        int written = resampler.Process(input, output);

        int n;
        while ((n = resampler.Flush(output.AsSpan(written, Math.Min(3, output.Length - written)))) > 0)
        {
            written += n;
        }

        output[..written].Should().Equal(expected);
    }

    [Fact]
    public void Process_OutputTooSmall_ThrowsAndConsumesNothing()
    {
        float[] input = TestSignal.Noise(44_100, seed: 4);
        float[] expected = SignalMetrics.ResampleAll(input, 44_100, Out);
        var resampler = new Resampler(44_100, Out);
        var output = new float[expected.Length];

        Action tooSmall = () => resampler.Process(input, new float[100]);

        tooSmall.Should().Throw<ArgumentException>().WithMessage("*GetMaxOutputLength*");
        int written = resampler.Process(input, output);
        written += resampler.Flush(output.AsSpan(written));
        output.Should().Equal(expected);
    }

    [Fact]
    public void Process_AfterFlush_ThrowsUntilReset()
    {
        float[] input = TestSignal.Noise(4_410, seed: 6);
        float[] expected = SignalMetrics.ResampleAll(input, 44_100, Out);
        var resampler = new Resampler(44_100, Out);
        var output = new float[expected.Length];
        resampler.Process(input, output);
        resampler.Flush(output);

        Action again = () => resampler.Process(input, output);
        again.Should().Throw<InvalidOperationException>().WithMessage("*Reset*");

        resampler.Reset();
        int written = resampler.Process(input, output);
        written += resampler.Flush(output.AsSpan(written));
        output.Should().Equal(expected);
    }

    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(15_999)]
    [InlineData(8_000)]
    public void ProcessFlushAndReset_AfterWarmUp_AllocateNothing(int inputRate)
    {
        var resampler = new Resampler(inputRate, Out);
        float[] chunk = TestSignal.Noise(inputRate / 50, seed: 8); // 20 ms
        var output = new float[resampler.GetMaxOutputLength(chunk.Length) + resampler.MaxFlushLength];
        int written = 0;

        // One step is a short stream: 10 chunks of 20 ms, the tail, and a reset for the next stream.
        long allocated = AllocationProbe.SteadyStateBytes(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                written += resampler.Process(chunk, output);
            }

            written += resampler.Flush(output);
            resampler.Reset();
        });

        // Each stream is exactly ceil(inputs * 16000 / rate) samples, Flush included (3,200 for 200 ms).
        long perStream = ((10L * chunk.Length * Out) + inputRate - 1) / inputRate;
        (written % perStream).Should().Be(0);
        written.Should().BeGreaterThanOrEqualTo((int)(51 * perStream));
        allocated.Should().Be(0);
    }
}
