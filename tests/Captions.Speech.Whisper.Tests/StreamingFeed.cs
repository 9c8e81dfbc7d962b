using Captions.Engine.Audio;
using Captions.Engine.Speech;
using Captions.TestKit.Audio;

namespace Captions.Speech.Whisper.Tests;

/// <summary>Feeds a recogniser in fixed chunks and keeps what it returned.</summary>
internal static class StreamingFeed
{
    public static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>Speech-loud noise (RMS about 0.1), so the silence guard never fires by accident.</summary>
    public static float[] Loud(TimeSpan duration) => TestSignal.Noise((int)AudioFormat.TimeToSamples(duration), seed: 3, amplitude: 0.2);

    public static List<SpeechHypothesis?> Chunks(ISpeechRecognizer recognizer, float[] audio, TimeSpan chunk)
    {
        var results = new List<SpeechHypothesis?>();
        var size = (int)AudioFormat.TimeToSamples(chunk);
        for (var offset = 0; offset < audio.Length; offset += size)
        {
            results.Add(recognizer.AcceptAudio(audio.AsSpan(offset, Math.Min(size, audio.Length - offset))));
        }

        return results;
    }
}
