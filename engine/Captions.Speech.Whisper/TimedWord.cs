namespace Captions.Speech.Whisper;

/// <summary>One word of a hypothesis in stream time, built from whisper tokens (a leading space starts a word).</summary>
internal readonly record struct TimedWord(string Text, TimeSpan Start, TimeSpan End, float Probability);
