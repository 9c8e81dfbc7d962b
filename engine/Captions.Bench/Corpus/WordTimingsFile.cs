using System.Text.Json;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Corpus;

/// <summary>
/// Reads and writes word timings as <c>{"source": "...", "words": [{"word": "and", "start": 0.42, "end": 0.61}]}</c>:
/// the alignment files a manifest names and the <c>.words.json</c> the cache keeps beside generated audio. Fields other
/// than these are ignored, so an aligner may add scores.
/// </summary>
internal static class WordTimingsFile
{
    /// <summary>The source and words of <paramref name="path"/>; words null when the file says "words": null.</summary>
    /// <exception cref="CorpusItemException">The file is missing, malformed, or its words are out of order.</exception>
    public static (string? Source, IReadOnlyList<ReferenceWord>? Words) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CorpusItemException($"{path} not found");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CorpusItemException($"{path}: expected {{\"source\": ..., \"words\": [...]}}");
            }

            string? source = root.TryGetProperty("source", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (!root.TryGetProperty("words", out JsonElement words))
            {
                throw new CorpusItemException($"{path}: field 'words' is missing");
            }

            if (words.ValueKind == JsonValueKind.Null)
            {
                return (source, null);
            }

            if (words.ValueKind != JsonValueKind.Array)
            {
                throw new CorpusItemException($"{path}: field 'words': expected an array");
            }

            var result = new List<ReferenceWord>(words.GetArrayLength());
            int i = 0;
            foreach (JsonElement word in words.EnumerateArray())
            {
                string at = $"{path}: words[{i++}]";
                if (word.ValueKind != JsonValueKind.Object
                    || !word.TryGetProperty("word", out JsonElement text) || text.ValueKind != JsonValueKind.String
                    || !word.TryGetProperty("start", out JsonElement start) || start.ValueKind != JsonValueKind.Number
                    || !word.TryGetProperty("end", out JsonElement end) || end.ValueKind != JsonValueKind.Number)
                {
                    throw new CorpusItemException($"{at}: expected {{\"word\": string, \"start\": seconds, \"end\": seconds}}");
                }

                var reference = new ReferenceWord(text.GetString()!, start.GetDouble(), end.GetDouble());
                if (reference.StartSeconds < 0 || reference.EndSeconds < reference.StartSeconds)
                {
                    throw new CorpusItemException($"{at}: '{reference.Word}' runs from {reference.StartSeconds} s to {reference.EndSeconds} s");
                }

                if (result.Count > 0 && reference.StartSeconds < result[^1].StartSeconds)
                {
                    throw new CorpusItemException($"{at}: '{reference.Word}' starts before the word it follows ({reference.StartSeconds} s < {result[^1].StartSeconds} s)");
                }

                result.Add(reference);
            }

            return (source, result);
        }
        catch (JsonException e)
        {
            throw new CorpusItemException($"{path}: malformed JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="words"/> (null: none) atomically (temporary file, then rename).</summary>
    public static void Write(string path, string? source, IReadOnlyList<ReferenceWord>? words)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("source", source);
            if (words is null)
            {
                writer.WriteNull("words");
            }
            else
            {
                writer.WriteStartArray("words");
                foreach (ReferenceWord word in words)
                {
                    writer.WriteStartObject();
                    writer.WriteString("word", word.Word);
                    writer.WriteNumber("start", word.StartSeconds);
                    writer.WriteNumber("end", word.EndSeconds);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        File.Move(temporary, path, overwrite: true);
    }
}
