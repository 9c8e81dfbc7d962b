namespace Captions.Cli;

/// <summary>Process exit codes, documented in README.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input or a failed run: missing/malformed file, absent device or model, a stage fault.</summary>
    public const int Failure = 1;

    /// <summary>The command line or settings are wrong (unknown flag, unknown setting key, invalid value).</summary>
    public const int Usage = 2;
}
