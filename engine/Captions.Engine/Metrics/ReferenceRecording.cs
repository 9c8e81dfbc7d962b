using Captions.Engine.Audio;

namespace Captions.Engine.Metrics;

/// <summary>A recording with the words a human says it contains.</summary>
public sealed record ReferenceRecording(string Id, string WavPath, string Reference)
{
    public float[] ReadMono16k() => AudioFile.ReadMono16k(WavPath);
}
