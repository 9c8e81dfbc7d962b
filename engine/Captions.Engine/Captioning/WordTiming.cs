namespace Captions.Engine.Captioning;

/// <summary>A recognised word and where it lies in the audio stream (stream time, not wall time).</summary>
public readonly record struct WordTiming(string Word, TimeSpan Start, TimeSpan End, float Confidence);
