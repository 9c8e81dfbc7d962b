namespace Captions.Translation.Apertium;

/// <summary>Where Apertium lives and how hard the translator may lean on it.</summary>
public sealed class ApertiumOptions
{
    /// <summary>Debian's modes directory: one .mode file (a shell pipeline) per installed direction.</summary>
    public string ModesDirectory { get; init; } = "/usr/share/apertium/modes";

    /// <summary>Directory holding apertium-wblank-mode, lt-proc and the other stages; null searches PATH.</summary>
    public string? BinaryDirectory { get; init; }

    /// <summary>
    /// One long-lived null-flush pipeline per direction (default). False starts a pipeline per request: ~0.2 s of
    /// process start and dictionary loading each time instead of a few ms (see ApertiumPipeline's remarks).
    /// </summary>
    public bool UseWarmProcess { get; init; } = true;

    /// <summary>
    /// Longest text accepted, in characters, after control characters are neutralised. A caption line is ~40-120
    /// characters and a sign far less; 2,000 leaves room for a runaway partial while keeping one request well inside
    /// the 64 KiB pipe buffer, so a write can never block behind the pipeline.
    /// </summary>
    public int MaxInputChars { get; init; } = 2_000;

    /// <summary>
    /// Requests a warm pipeline holds at once (written, answer not yet read); more are rejected, and counted. 16 x
    /// 2,000 characters stays under the pipe buffer; a caption stage has one or two requests per line in flight.
    /// </summary>
    public int QueueCapacity { get; init; } = 16;

    /// <summary>
    /// How long one request may take before the pipeline is judged stuck, killed and restarted. Apertium answers a
    /// caption in 3-10 ms warm and ~0.2 s cold, so 10 s only trips on a wedged process.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
