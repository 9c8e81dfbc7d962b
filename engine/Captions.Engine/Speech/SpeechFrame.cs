using Captions.Engine.Audio;

namespace Captions.Engine.Speech;

/// <summary>
/// What the VAD stage hands the recogniser: speech audio with utterance boundaries. Silence never crosses this edge.
/// Ownership of <see cref="Frame"/>'s buffer passes to the reader, as for any <see cref="AudioFrame"/>.
/// </summary>
public readonly record struct SpeechFrame(SpeechFrameKind Kind, AudioFrame Frame, TimeSpan StreamTime)
{
    public static SpeechFrame Start(AudioFrame frame) => new(SpeechFrameKind.Start, frame, frame.Start);

    public static SpeechFrame Continue(AudioFrame frame) => new(SpeechFrameKind.Continue, frame, frame.Start);

    /// <summary>An end marker at <paramref name="streamTime"/> (the end of the last speech frame).</summary>
    public static SpeechFrame End(TimeSpan streamTime, Timing.LatencyStamps stamps) =>
        new(SpeechFrameKind.End, AudioFrame.Marker(AudioFormat.TimeToSamples(streamTime), stamps), streamTime);

    /// <summary>Releases the frame's pooled buffer (a no-op for end markers).</summary>
    public void Release() => Frame.Release();
}
