using Captions.Engine.Audio;

namespace Captions.Benchmarks.Sphinx;

/// <summary>A LibriVox clip of pocketsphinx-testdata with its reference text and samples.</summary>
internal sealed record LibriVoxSample(string Id, string WavPath, string Reference, float[] Samples)
{
    public TimeSpan Duration => AudioFormat.SamplesToTime(Samples.Length);
}

/// <summary>Loads /usr/share/pocketsphinx/test/data/librivox: `transcription` lines are "&lt;s&gt; text &lt;/s&gt; (fileid)".</summary>
internal static class LibriVoxSet
{
    public const string Directory = "/usr/share/pocketsphinx/test/data/librivox";

    public static List<LibriVoxSample> Load()
    {
        string transcription = Path.Combine(Directory, "transcription");
        if (!File.Exists(transcription))
        {
            throw new FileNotFoundException($"{transcription} is missing: install pocketsphinx-testdata (./scripts/bootstrap.sh)", transcription);
        }

        var clips = new List<LibriVoxSample>();
        foreach (string line in File.ReadAllLines(transcription))
        {
            int open = line.LastIndexOf('(');
            if (open < 0)
            {
                continue;
            }

            string id = line[(open + 1)..line.LastIndexOf(')')].Trim();
            string text = line[..open].Replace("<s>", " ", StringComparison.Ordinal).Replace("</s>", " ", StringComparison.Ordinal).Trim();
            string wav = Path.Combine(Directory, id + ".wav");
            clips.Add(new LibriVoxSample(id, wav, text, ReadMono16k(wav)));
        }

        return clips;
    }

    private static float[] ReadMono16k(string path)
    {
        using WavReader reader = WavReader.Open(path);
        if (reader.Info.SampleRate != AudioFormat.SampleRate || reader.Info.Channels != 1)
        {
            throw new InvalidDataException($"{path}: expected 16 kHz mono, found {reader.Info.SampleRate} Hz x {reader.Info.Channels}");
        }

        var samples = new List<float>();
        var buffer = new float[8192];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            samples.AddRange(buffer.AsSpan(0, read));
        }

        return [.. samples];
    }
}
