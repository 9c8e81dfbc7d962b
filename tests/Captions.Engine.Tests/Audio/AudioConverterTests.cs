using Captions.Engine.Audio;
using Captions.TestKit.Audio;
using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.Audio;

public sealed class AudioConverterTests
{
    [Fact]
    public void Convert_StereoOppositeChannels_AveragesToSilence()
    {
        float[] left = TestSignal.Sine(440, 48_000, 4_800);
        float[] right = left.Select(s => -s).ToArray();
        var converter = new AudioConverter(48_000, 2);
        var output = new float[converter.GetMaxOutputLength(9_600) + converter.MaxFlushLength];

        int written = converter.Convert(TestSignal.Interleave(left, right), output);
        written += converter.Flush(output.AsSpan(written));

        written.Should().Be(1_600);
        output.Take(written).Should().OnlyContain(s => s == 0f);
    }

    [Fact]
    public void Convert_StereoAt44k_MatchesResamplingTheChannelAverage()
    {
        float[] left = TestSignal.Sine(440, 44_100, 44_100, amplitude: 0.6);
        float[] right = TestSignal.Sine(3_000, 44_100, 44_100, amplitude: 0.2);
        float[] average = left.Zip(right, (l, r) => (l + r) / 2).ToArray();
        float[] expected = SignalMetrics.ResampleAll(average, 44_100, AudioFormat.SampleRate);
        var converter = new AudioConverter(44_100, 2);
        var output = new float[converter.GetMaxOutputLength(88_200) + converter.MaxFlushLength];

        int written = converter.Convert(TestSignal.Interleave(left, right), output);
        written += converter.Flush(output.AsSpan(written));

        written.Should().Be(16_000);
        WavTestHelpers.MaxAbsDifference(output.AsSpan(0, written), expected).Should().BeLessThan(1e-6f);
    }

    [Fact]
    public void Convert_ChunksThatSplitFrames_MatchOneCall()
    {
        float[] interleaved = TestSignal.Noise(3 * 22_050, seed: 9);
        var whole = new AudioConverter(22_050, 3);
        var expected = new float[whole.GetMaxOutputLength(interleaved.Length) + whole.MaxFlushLength];
        int expectedCount = whole.Convert(interleaved, expected);
        expectedCount += whole.Flush(expected.AsSpan(expectedCount));
        var split = new AudioConverter(22_050, 3);
        var output = new float[expected.Length];
        int[] sizes = [1, 2, 4, 5, 7, 3_000, 8_191];
        int written = 0;

        for (int offset = 0, i = 0; offset < interleaved.Length; i++)
        {
            int size = Math.Min(sizes[i % sizes.Length], interleaved.Length - offset);
            written += split.Convert(interleaved.AsSpan(offset, size), output.AsSpan(written));
            offset += size;
        }

        written += split.Flush(output.AsSpan(written));

        output[..written].Should().Equal(expected[..expectedCount]);
    }

    [Fact]
    public void Convert_Mono16k_PassesSamplesThrough()
    {
        float[] input = TestSignal.Noise(1_000, seed: 10);
        var converter = new AudioConverter(16_000, 1);
        var output = new float[1_000];

        int written = converter.Convert(input, output);

        written.Should().Be(1_000);
        output.Should().Equal(input);
    }

    [Fact]
    public void Convert_WavFileAt44kStereo_Gives16kMonoOfTheRightLength()
    {
        float[] stereo = TestSignal.Sine(440, 44_100, 2 * 44_100, amplitude: 0.5, channels: 2, phase: 0);
        byte[] bytes = WavFixture.Build(stereo, 44_100, 2, WavSampleFormat.Pcm16);
        using WavReader reader = WavReader.Open(new MemoryStream(bytes), "stereo.wav");
        var converter = new AudioConverter(reader.Info.SampleRate, reader.Info.Channels);
        var chunk = new float[882 * 2];
        var mono = new float[converter.GetMaxOutputLength(chunk.Length) + converter.MaxFlushLength];
        var all = new List<float>();

        int frames;
        while ((frames = reader.Read(chunk)) > 0)
        {
            all.AddRange(mono.AsSpan(0, converter.Convert(chunk.AsSpan(0, frames * 2), mono)));
        }

        all.AddRange(mono.AsSpan(0, converter.Flush(mono)));

        // 2 s of audio is exactly 32,000 samples at 16 kHz: stream time survives conversion.
        all.Should().HaveCount(32_000);
        // Channels are 90 degrees apart, so their mean is a 440 Hz sine of 0.5 * cos(45 degrees).
        double amplitude = SignalMetrics.Amplitude(all.ToArray().AsSpan(8_000, 16_000), 440, 16_000);
        amplitude.Should().BeApproximately(0.5 * Math.Sqrt(0.5), 1e-3);
    }

    [Fact]
    public void ConvertAndFlush_AfterWarmUp_AllocateNothing()
    {
        var converter = new AudioConverter(48_000, 2);
        float[] chunk = TestSignal.Noise(1_921, seed: 12); // 20 ms of stereo plus one sample, so calls split frames
        var output = new float[converter.GetMaxOutputLength(chunk.Length) + converter.MaxFlushLength];
        int written = 0;

        // One step: 10 calls of 1,919 / 1,921 samples (= 9,600 frames, 200 ms), the tail, then a new stream.
        long allocated = AllocationProbe.SteadyStateBytes(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                written += converter.Convert(chunk.AsSpan(0, i % 2 == 0 ? 1_919 : 1_921), output);
            }

            written += converter.Flush(output);
            converter.Reset();
        });

        (written % 3_200).Should().Be(0);
        written.Should().BeGreaterThanOrEqualTo(51 * 3_200);
        allocated.Should().Be(0);
    }
}
