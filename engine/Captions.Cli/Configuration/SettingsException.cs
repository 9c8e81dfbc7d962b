namespace Captions.Cli.Configuration;

/// <summary>A settings file, variable or flag is invalid; the message names which and why.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException()
    {
    }

    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
