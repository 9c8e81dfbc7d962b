using Captions.Engine.Audio;
using Captions.Engine.Speech;

namespace Captions.Speech.Sphinx.Tests;

/// <summary>What one utterance fed through a recogniser produced.</summary>
internal sealed record RecognizerRun(IReadOnlyList<SpeechHypothesis> Partials, SpeechHypothesis Final)
{
    /// <summary>Feeds <paramref name="samples"/> as one utterance in 20 ms chunks, as the pipeline does.</summary>
    public static RecognizerRun Feed(ISpeechRecognizer recognizer, ReadOnlySpan<float> samples, TimeSpan streamTime = default)
    {
        var partials = new List<SpeechHypothesis>();
        recognizer.StartUtterance(streamTime);
        for (int offset = 0; offset < samples.Length; offset += AudioFormat.FrameSamples)
        {
            int count = Math.Min(AudioFormat.FrameSamples, samples.Length - offset);
            if (recognizer.AcceptAudio(samples.Slice(offset, count)) is { } partial)
            {
                partials.Add(partial);
            }
        }

        return new RecognizerRun(partials, recognizer.EndUtterance());
    }
}
