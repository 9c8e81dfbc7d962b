namespace Captions.Bench.Peers;

/// <summary>How one child process ended: exit code (null when it was killed on timeout), its costs and its output.</summary>
internal sealed record ChildOutcome(int? ExitCode, bool TimedOut, double WallSeconds, double CpuSeconds, IReadOnlyList<string> StdoutLines, string? LastStderrLine)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>"exit 1: FATAL: ..." or "timed out after 30.0 s (killed): ...", for PeerItem.Error.</summary>
    public string Describe(TimeSpan timeout)
    {
        string what = TimedOut
            ? FormattableString.Invariant($"timed out after {timeout.TotalSeconds:F1} s (killed)")
            : FormattableString.Invariant($"exit {ExitCode}");
        return LastStderrLine is null ? what : $"{what}: {LastStderrLine}";
    }
}
