using Captions.Engine.Audio;

namespace Captions.TestKit.Speech;

/// <summary>What a <see cref="ScriptedWhisperDecoder"/> was asked to decode.</summary>
/// <param name="Index">0-based call number.</param>
/// <param name="Samples">Buffer length in samples.</param>
/// <param name="Prompt">The prompt passed (committed text), or null.</param>
/// <param name="FirstSample">Value of the buffer's first sample (tests stamp positions into synthetic audio).</param>
public sealed record ScriptedDecodeCall(int Index, int Samples, string? Prompt, float FirstSample)
{
    public TimeSpan Duration => AudioFormat.SamplesToTime(Samples);
}
