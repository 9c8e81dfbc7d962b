namespace Captions.Engine.Audio;

/// <summary>A capture device is absent, busy, or vanished mid-stream; the message names the device.</summary>
public sealed class AudioDeviceException : IOException
{
    public AudioDeviceException()
    {
    }

    public AudioDeviceException(string message)
        : base(message)
    {
    }

    public AudioDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
