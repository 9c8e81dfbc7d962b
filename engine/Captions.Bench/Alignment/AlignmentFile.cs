using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Alignment;

/// <summary>
/// A reference transcript's word timing as stored with the corpus, so a benchmark run needs no aligner:
/// <c>{"source": "pocketsphinx forced alignment (...)", "words": [{"word": "and", "start": 0.42, "end": 0.61}, ...]}</c>,
/// times in seconds from the start of the audio, rounded to milliseconds. Written one word a line so a
/// regenerated file diffs word by word.
/// </summary>
public sealed class AlignmentFile
{
    // Files, not HTML: "+" and non-ASCII letters stay readable instead of \u escapes.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private AlignmentFile(string source, IReadOnlyList<ReferenceWord> words)
    {
        Source = source;
        Words = words;
    }

    /// <summary>How the times were made (aligner and model), e.g. <see cref="ForcedAligner.Source"/>.</summary>
    public string Source { get; }

    /// <summary>The transcript's words in order with their times.</summary>
    public IReadOnlyList<ReferenceWord> Words { get; }

    /// <summary>Reads and checks an alignment file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or not an alignment: the message names
    /// the file, the field (e.g. <c>words[3].end</c>) and what is wrong with it.</exception>
    public static AlignmentFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The alignment file '{path}' does not exist.", path);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "the top level", $"is a JSON {Kind(root)}, expected an object with \"source\" and \"words\"");
            }

            string source = root.TryGetProperty("source", out JsonElement sourceElement) && sourceElement.ValueKind == JsonValueKind.String
                ? sourceElement.GetString()!
                : throw Invalid(path, "source", "is missing or not a string");
            if (string.IsNullOrWhiteSpace(source))
            {
                throw Invalid(path, "source", "is empty: say which aligner and model made the times");
            }

            if (!root.TryGetProperty("words", out JsonElement wordsElement) || wordsElement.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(path, "words", "is missing or not an array");
            }

            var words = new List<ReferenceWord>(wordsElement.GetArrayLength());
            foreach (JsonElement element in wordsElement.EnumerateArray())
            {
                words.Add(ReadWord(path, element, words.Count, words.Count > 0 ? words[^1] : null));
            }

            if (words.Count == 0)
            {
                throw Invalid(path, "words", "is empty: a reference transcript has at least one word");
            }

            return new AlignmentFile(source, words);
        }
    }

    /// <summary>Writes (or replaces) an alignment file; times are rounded to milliseconds.</summary>
    /// <exception cref="ArgumentException">There are no words, a word is empty, a time is negative or not finite, or an end is before its start.</exception>
    public static void Write(string path, string source, IReadOnlyList<ReferenceWord> words)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            throw new ArgumentException($"An alignment needs at least one word ('{path}').", nameof(words));
        }

        var text = new StringBuilder();
        text.Append("{\"source\": ").Append(JsonSerializer.Serialize(source, s_json)).Append(", \"words\": [");
        for (int i = 0; i < words.Count; i++)
        {
            ReferenceWord word = words[i];
            if (string.IsNullOrWhiteSpace(word.Word)
                || !double.IsFinite(word.StartSeconds) || !double.IsFinite(word.EndSeconds)
                || word.StartSeconds < 0 || word.EndSeconds < word.StartSeconds)
            {
                throw new ArgumentException($"words[{i}] ({word}) is not a word with 0 <= start <= end.", nameof(words));
            }

            text.Append(i == 0 ? "\n  " : ",\n  ")
                .Append("{\"word\": ").Append(JsonSerializer.Serialize(word.Word, s_json))
                .Append(", \"start\": ").Append(Seconds(word.StartSeconds))
                .Append(", \"end\": ").Append(Seconds(word.EndSeconds))
                .Append('}');
        }

        text.Append("\n]}\n");
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static ReferenceWord ReadWord(string path, JsonElement element, int index, ReferenceWord? previous)
    {
        string field = $"words[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, field, $"is a JSON {Kind(element)}, expected {{\"word\": ..., \"start\": ..., \"end\": ...}}");
        }

        string word = element.TryGetProperty("word", out JsonElement wordElement) && wordElement.ValueKind == JsonValueKind.String
            ? wordElement.GetString()!
            : throw Invalid(path, $"{field}.word", "is missing or not a string");
        if (string.IsNullOrWhiteSpace(word))
        {
            throw Invalid(path, $"{field}.word", "is empty");
        }

        double start = ReadSeconds(path, element, field, "start");
        double end = ReadSeconds(path, element, field, "end");
        if (end < start)
        {
            throw Invalid(path, $"{field}.end", FormattableString.Invariant($"({end}) is before its start ({start}) for '{word}'"));
        }

        if (previous is { } before && start < before.StartSeconds)
        {
            throw Invalid(path, $"{field}.start", FormattableString.Invariant($"({start}) is before the previous word's start ({before.StartSeconds}): words must be in time order"));
        }

        return new ReferenceWord(word, start, end);
    }

    private static double ReadSeconds(string path, JsonElement element, string field, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.Number)
        {
            throw Invalid(path, $"{field}.{name}", "is missing or not a number (seconds)");
        }

        double seconds = value.GetDouble();
        return seconds >= 0 && double.IsFinite(seconds)
            ? seconds
            : throw Invalid(path, $"{field}.{name}", FormattableString.Invariant($"({seconds}) is negative"));
    }

    private static string Seconds(double seconds) =>
        Math.Round(seconds, 3, MidpointRounding.AwayFromZero).ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static InvalidDataException Invalid(string path, string field, string problem) =>
        new($"{path}: {field} {problem}.");
}
