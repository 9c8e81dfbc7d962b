using Captions.Engine.Audio;
using Captions.TestKit.Speech;
using Captions.TestKit.Time;

namespace Captions.Speech.Whisper.Tests;

public sealed class WhisperStreamingLongStreamTests
{
    /// <summary>2^24: sample i of the synthetic stream holds i / 2^24, exact in a float below 2^24 samples (17 min).</summary>
    private const float Stamp = 16_777_216f;

    /// <summary>The synthetic speaker says "w{k}" at k * 0.5 s (0.4 s long), a sentence end every 10th word, in 5 s segments.</summary>
    private static WhisperDecodeResult Transcript(ScriptedDecodeCall call)
    {
        var start = (long)Math.Round(call.FirstSample * Stamp);
        var bufferStart = AudioFormat.SamplesToTime(start);
        var bufferEnd = AudioFormat.SamplesToTime(start + call.Samples);
        var segments = new List<WhisperSegmentResult>();
        var first = (int)Math.Ceiling(bufferStart.TotalSeconds * 2);
        var words = new List<(string, double, double)>();
        for (var k = first; (k * 0.5) + 0.4 <= bufferEnd.TotalSeconds; k++)
        {
            words.Add(($"w{k}" + (k % 10 == 9 ? "." : ""), (k * 0.5) - bufferStart.TotalSeconds, (k * 0.5) + 0.4 - bufferStart.TotalSeconds));
            if (k % 10 == 9)
            {
                segments.Add(ScriptedWhisperDecoder.Segment([.. words]));
                words.Clear();
            }
        }

        if (words.Count > 0)
        {
            segments.Add(ScriptedWhisperDecoder.Segment([.. words]));
        }

        return ScriptedWhisperDecoder.Result([.. segments]);
    }

    private static float[] StampedFrame(long firstSample)
    {
        var frame = new float[AudioFormat.FrameSamples];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (firstSample + i) / Stamp;
        }

        return frame;
    }

    [Fact]
    public void AcceptAudio_TenMinuteUtterance_BufferStaysBoundedAndEveryWordCommittedOnceInOrder()
    {
        var decoder = new ScriptedWhisperDecoder(Transcript);
        var options = new WhisperStreamingOptions();
        using var recognizer = new WhisperStreamingRecognizer(decoder, options);
        recognizer.StartUtterance(TimeSpan.Zero);
        var total = AudioFormat.TimeToSamples(TimeSpan.FromMinutes(10));
        var maxBuffer = TimeSpan.Zero;
        var committed = new List<string>();

        for (long sample = 0; sample < total; sample += AudioFormat.FrameSamples)
        {
            if (recognizer.AcceptAudio(StampedFrame(sample))?.Committed is { } line)
            {
                committed.Add(line.Text);
            }

            maxBuffer = recognizer.BufferDuration > maxBuffer ? recognizer.BufferDuration : maxBuffer;
        }

        committed.Add(recognizer.EndUtterance().Text);

        maxBuffer.Should().BeLessThanOrEqualTo(options.TrimThreshold + options.Step + AudioFormat.SamplesToTime(AudioFormat.FrameSamples));
        decoder.Calls.Max(c => c.Duration).Should().BeLessThanOrEqualTo(options.TrimThreshold + options.Step);
        var expected = Enumerable.Range(0, 1200).Select(k => $"w{k}" + (k % 10 == 9 ? "." : ""));
        string.Join(' ', committed).Should().Be(string.Join(' ', expected), "every word committed exactly once, in order, never revised");
        committed.Take(committed.Count - 1).Should().OnlyContain(l => l.EndsWith('.'), "lines close at sentence ends");
        decoder.Calls.Should().HaveCount(600, "one decode per 1 s step");
        decoder.Calls.Where(c => c.Index > 40).Should().OnlyContain(c => c.Prompt != null && c.Prompt.Length >= 190 && c.Prompt.Length <= 210);
    }

    [Fact]
    public void AcceptAudio_NoAgreementFor30Seconds_SettlesAndRestartsTheBuffer()
    {
        // A decoder that never repeats itself: nothing is ever agreed, nothing can be trimmed.
        var decoder = new ScriptedWhisperDecoder(call => ScriptedWhisperDecoder.Text($"guess{call.Index}"));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);
        var maxBuffer = TimeSpan.Zero;

        for (var i = 0; i < 45 * 50; i++)
        {
            recognizer.AcceptAudio(new float[AudioFormat.FrameSamples]);
            maxBuffer = recognizer.BufferDuration > maxBuffer ? recognizer.BufferDuration : maxBuffer;
        }

        maxBuffer.Should().Be(WhisperStreamingOptions.MaxDecodeAudio);
        recognizer.BufferStart.Should().Be(TimeSpan.FromSeconds(30));
        recognizer.CommittedText.Should().Be("guess29", "the 30 s window filled: the shown guess was settled");
    }

    [Fact]
    public void AcceptAudio_DecodeSlowerThanStep_StepGrowsAndNoBacklog()
    {
        var time = new ManualTimeProvider();
        var cost = TimeSpan.FromSeconds(2.5);
        var fed = 0L;
        var decodedAt = new List<TimeSpan>();
        var decoder = new ScriptedWhisperDecoder(_ => ScriptedWhisperDecoder.Text("a b c"))
        {
            OnDecode = _ =>
            {
                decodedAt.Add(AudioFormat.SamplesToTime(fed));
                time.Advance(cost);
            },
        };
        using var recognizer = new WhisperStreamingRecognizer(decoder, timeProvider: time);
        recognizer.StartUtterance(TimeSpan.Zero);

        for (var i = 0; i < 60 * 50; i++)
        {
            fed += AudioFormat.FrameSamples;
            recognizer.AcceptAudio(new float[AudioFormat.FrameSamples]);
        }

        recognizer.CurrentStep.Should().Be(TimeSpan.FromSeconds(3.125), "1.25x the 2.5 s decode");
        decodedAt[0].Should().Be(TimeSpan.FromSeconds(1));
        decodedAt.Zip(decodedAt.Skip(1), (a, b) => b - a).Should().OnlyContain(
            g => g >= TimeSpan.FromSeconds(3.125) && g < TimeSpan.FromSeconds(3.15), "one decode per grown step, none for the steps skipped");
        decodedAt.Should().HaveCount(1 + (int)(59 / 3.14));
    }

    [Fact]
    public void AcceptAudio_DecodeFastAgain_StepShrinksBackToConfigured()
    {
        var time = new ManualTimeProvider();
        var cost = TimeSpan.FromSeconds(4);
        var decoder = new ScriptedWhisperDecoder(_ => ScriptedWhisperDecoder.Text("a")) { OnDecode = _ => time.Advance(cost) };
        using var recognizer = new WhisperStreamingRecognizer(decoder, timeProvider: time);
        recognizer.StartUtterance(TimeSpan.Zero);
        for (var i = 0; i < 10 * 50; i++)
        {
            recognizer.AcceptAudio(new float[AudioFormat.FrameSamples]);
        }

        recognizer.CurrentStep.Should().Be(TimeSpan.FromSeconds(5), "grown, capped at MaxStep");
        cost = TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < 30 * 50; i++)
        {
            recognizer.AcceptAudio(new float[AudioFormat.FrameSamples]);
        }

        recognizer.CurrentStep.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AcceptAudio_OneLargeChunk_DecodesOnce()
    {
        var decoder = new ScriptedWhisperDecoder(_ => ScriptedWhisperDecoder.Text("a"));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);

        recognizer.AcceptAudio(new float[AudioFormat.TimeToSamples(TimeSpan.FromSeconds(10))]);

        decoder.Calls.Should().ContainSingle().Which.Duration.Should().Be(TimeSpan.FromSeconds(10));
    }
}
