namespace Captions.Engine.Metrics.Latency;

/// <summary>A word of the reference transcript with its time in the audio (seconds from the start).</summary>
public readonly record struct ReferenceWord(string Word, double StartSeconds, double EndSeconds);
