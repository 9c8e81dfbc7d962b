namespace Captions.Engine.Metrics;

/// <summary>
/// A folder of WAV recordings with a pocketsphinx-style `transcription` file: one "&lt;s&gt; text &lt;/s&gt; (fileid)"
/// line per recording (the markers are optional). The default is the five LibriVox clips (Sense and Sensibility,
/// 3-7 s each) of Debian's pocketsphinx-testdata.
/// </summary>
public static class ReferenceCorpus
{
    public const string LibriVoxDirectory = "/usr/share/pocketsphinx/test/data/librivox";

    public const string TranscriptionFile = "transcription";

    /// <summary>The recordings listed in the folder's transcription file, in file order.</summary>
    public static IReadOnlyList<ReferenceRecording> Load(string directory = LibriVoxDirectory)
    {
        var transcription = Path.Combine(directory, TranscriptionFile);
        if (!File.Exists(transcription))
        {
            throw new FileNotFoundException(
                $"{transcription} is missing (the LibriVox clips come from Debian pocketsphinx-testdata: run ./scripts/bootstrap.sh)",
                transcription);
        }

        return [.. ReadTranscription(transcription).Select(p => new ReferenceRecording(p.Key, Path.Combine(directory, p.Key + ".wav"), p.Value))];
    }

    /// <summary>Parses a transcription file into (file id, reference text) pairs, in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadTranscription(string path)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var line in File.ReadLines(path))
        {
            var open = line.LastIndexOf('(');
            var close = line.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                continue;
            }

            var id = line[(open + 1)..close].Trim();
            var text = line[..open].Replace("<s>", " ", StringComparison.Ordinal).Replace("</s>", " ", StringComparison.Ordinal).Trim();
            result.Add(new KeyValuePair<string, string>(id, string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        }

        return result;
    }
}
