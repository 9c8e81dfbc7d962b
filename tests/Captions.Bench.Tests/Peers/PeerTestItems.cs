using Captions.Bench.Corpus;
using Captions.Engine.Audio;
using Captions.Engine.Metrics;

namespace Captions.Bench.Tests.Peers;

/// <summary>Corpus items built by hand from real files: the LibriVox clips of pocketsphinx-testdata, jfk.wav.</summary>
internal static class PeerTestItems
{
    /// <summary>The per-test budget: a hung peer fails the test instead of hanging the run.</summary>
    public static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The LibriVox clip whose id ends in <paramref name="suffix"/> ("0870": 7.1 s, 22 words), with its reference.</summary>
    public static CorpusItem LibriVox(string suffix)
    {
        ReferenceRecording recording = ReferenceCorpus.Load().Single(r => r.Id.EndsWith(suffix, StringComparison.Ordinal));
        return FromWav(recording.Id, recording.WavPath, "real", "en") with { Transcript = recording.Reference };
    }

    public static CorpusItem FromWav(string id, string path, string kind, string language)
    {
        using WavReader reader = WavReader.Open(path);
        return new CorpusItem(id, path, kind, language) { DurationSeconds = reader.Info.Duration!.Value.TotalSeconds };
    }

    /// <summary>A file named .wav that is not one: "RIFF" and then garbage.</summary>
    public static CorpusItem Corrupt(string directory)
    {
        string path = Path.Combine(directory, "corrupt.wav");
        File.WriteAllBytes(path, "RIFF\x10\0\0\0WAVEjunkjunk"u8.ToArray());
        return new CorpusItem("corrupt", path, "real", "en") { DurationSeconds = 1 };
    }
}
