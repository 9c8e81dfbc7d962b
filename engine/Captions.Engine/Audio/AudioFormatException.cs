namespace Captions.Engine.Audio;

/// <summary>
/// Audio input that cannot be decoded: not a WAV, truncated, or an encoding we do not read. The message names the
/// input and what is wrong, so it can be shown to a user as it is.
/// Derives from <see cref="IOException"/> because <see cref="InvalidDataException"/> is sealed; code that already
/// handles I/O failures of an input file catches this too.
/// </summary>
public sealed class AudioFormatException : IOException
{
    public AudioFormatException()
    {
    }

    public AudioFormatException(string message)
        : base(message)
    {
    }

    public AudioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds "&lt;input&gt;: &lt;problem&gt;", the shape every audio input error takes.</summary>
    internal static AudioFormatException For(string input, string problem) => new($"{input}: {problem}");
}
