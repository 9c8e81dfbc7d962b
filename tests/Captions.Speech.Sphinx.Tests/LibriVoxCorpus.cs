using Captions.Engine.Audio;

namespace Captions.Speech.Sphinx.Tests;

/// <summary>One LibriVox clip of Debian's pocketsphinx-testdata with its reference transcript.</summary>
internal sealed record LibriVoxClip(string Id, string WavPath, string Reference)
{
    /// <summary>The whole clip as 16 kHz mono float samples, read with the engine's own WavReader.</summary>
    public float[] ReadSamples()
    {
        using WavReader reader = WavReader.Open(WavPath);
        reader.Info.SampleRate.Should().Be(AudioFormat.SampleRate, $"{WavPath} should be 16 kHz");
        reader.Info.Channels.Should().Be(1, $"{WavPath} should be mono");
        var samples = new List<float>();
        var buffer = new float[4096];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            samples.AddRange(buffer.AsSpan(0, read));
        }

        return [.. samples];
    }
}

/// <summary>
/// The five LibriVox clips (Sense and Sensibility, 3-7 s each) of pocketsphinx-testdata. The `transcription` file
/// holds lines "&lt;s&gt; text &lt;/s&gt; (fileid)".
/// </summary>
internal static class LibriVoxCorpus
{
    public const string Directory = "/usr/share/pocketsphinx/test/data/librivox";

    public static IReadOnlyList<LibriVoxClip> Load()
    {
        string transcription = Path.Combine(Directory, "transcription");
        if (!File.Exists(transcription))
        {
            throw new FileNotFoundException(
                $"{transcription} is missing: pocketsphinx-testdata is not installed; run ./scripts/bootstrap.sh", transcription);
        }

        var clips = new List<LibriVoxClip>();
        foreach (string line in File.ReadAllLines(transcription))
        {
            int open = line.LastIndexOf('(');
            if (open < 0)
            {
                continue;
            }

            string id = line[(open + 1)..line.LastIndexOf(')')].Trim();
            string text = line[..open].Replace("<s>", " ", StringComparison.Ordinal).Replace("</s>", " ", StringComparison.Ordinal).Trim();
            clips.Add(new LibriVoxClip(id, Path.Combine(Directory, id + ".wav"), text));
        }

        return clips;
    }
}
