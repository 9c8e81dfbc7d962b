namespace Captions.Cli.Bench;

/// <summary>What `captions bench` was asked to do, as parsed from its flags.</summary>
internal sealed record BenchRequest
{
    public string? Corpus { get; init; }

    public required string OutputDirectory { get; init; }

    public bool Driven { get; init; }

    public string? ConfigFile { get; init; }

    /// <summary>Flags that set settings keys (--asr, --model, ...), applied to every configuration before its variant.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Flags { get; init; } = [];

    public IReadOnlyList<string> Variants { get; init; } = [];

    public string? Items { get; init; }

    public bool Peers { get; init; } = true;

    /// <summary>"headless", "none", or null for the default (headless in realtime mode when graphics work).</summary>
    public string? Display { get; init; }
}
