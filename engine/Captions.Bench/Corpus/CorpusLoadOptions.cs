using Captions.Engine.Hosting;

namespace Captions.Bench.Corpus;

/// <summary>
/// Where <see cref="CorpusLoader"/> caches generated audio, where the placeholders of a manifest point, and who hears
/// its progress. Generation (espeak-ng, noise, long sessions) takes seconds to minutes the first time, so a bench
/// tells the user what it is doing instead of going quiet.
/// </summary>
/// <param name="CacheRoot">Generated audio goes to <c>&lt;CacheRoot&gt;/corpus/&lt;manifest name&gt;/</c>.</param>
public sealed record CorpusLoadOptions(string CacheRoot)
{
    /// <summary>Receives one line per generation step, e.g. "corpus: synthesising es-1 (espeak-ng)"; null: silent.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>What <c>{jfk}</c> stands for in an <c>audio</c> path; null when unknown (such items become problems).</summary>
    public string? JfkWavPath { get; init; }

    /// <summary>What <c>{librivox}</c> stands for (Debian pocketsphinx-testdata's LibriVox clips).</summary>
    public string LibriVoxDirectory { get; init; } = CaptionsPaths.LibriVoxDirectory;

    /// <summary>The espeak-ng executable: a name looked up on PATH, or a path.</summary>
    public string EspeakNgExecutable { get; init; } = "espeak-ng";

    /// <summary>The sox executable that makes the noise of noisy mixes: a name looked up on PATH, or a path.</summary>
    public string SoxExecutable { get; init; } = "sox";

    /// <summary>The options for this machine: the Captions cache root and jfk.wav of <see cref="CaptionsPaths"/>.</summary>
    public static CorpusLoadOptions FromEnvironment(Action<string>? progress = null)
    {
        CaptionsPaths paths = CaptionsPaths.FromEnvironment();
        return new CorpusLoadOptions(paths.CacheRoot) { Progress = progress, JfkWavPath = paths.JfkWavPath };
    }
}
