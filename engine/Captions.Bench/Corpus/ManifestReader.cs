using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Captions.Bench.Corpus;

/// <summary>
/// Parses and validates a corpus manifest (format: DefaultCorpus/README.md). Everything structural is checked here,
/// before any file is read or generated: malformed JSON, unknown fields, wrong types, duplicate ids, references to
/// unknown items, reference cycles, an empty manifest. Each failure throws <see cref="CorpusException"/> naming the
/// manifest path, the item and the field; whether the files an item names exist is the resolver's business.
/// </summary>
internal static partial class ManifestReader
{
    private static readonly string[] s_manifestFields = ["name", "description", "include", "items"];
    private static readonly string[] s_itemFields =
        ["id", "language", "kind", "audio", "synth", "mix", "session", "transcript", "transcriptFile", "alignment", "note"];

    private static readonly string[] s_origins = ["audio", "synth", "mix", "session"];
    private static readonly string[] s_kinds = ["real", "synthetic", "noisy", "session"];

    private static readonly JsonDocumentOptions s_jsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads <paramref name="path"/> and the manifests it includes.</summary>
    /// <exception cref="CorpusException">The manifest is missing, malformed, invalid or names nothing.</exception>
    public static Manifest Read(string path, CorpusLoadOptions options)
    {
        Manifest manifest = Read(Path.GetFullPath(path), options, []);
        ValidateReferences(manifest);
        return manifest;
    }

    /// <summary>The item <paramref name="id"/> as seen from <paramref name="manifest"/>: its own items, then its includes'.</summary>
    public static ItemSpec? Find(Manifest manifest, string id)
    {
        foreach (ItemSpec item in manifest.Items)
        {
            if (item.Id == id)
            {
                return item;
            }
        }

        foreach (Manifest included in manifest.Includes)
        {
            if (Find(included, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The language an item's speech is in: its own <c>language</c>, else its voice's, else (mix) its source's, else
    /// (session) the one language all its sources share.
    /// </summary>
    public static string LanguageOf(ItemSpec item)
    {
        if (item.Language is not null)
        {
            return item.Language;
        }

        switch (item.Origin)
        {
            case MixOrigin mix:
                return LanguageOf(Find(item.Owner, mix.From)!);
            case SessionOrigin session:
                string[] languages = [.. session.From.Select(id => LanguageOf(Find(item.Owner, id)!)).Distinct(StringComparer.Ordinal)];
                if (languages.Length != 1)
                {
                    throw new CorpusException(
                        $"{item.Where}: field 'language': the session's sources speak {string.Join(", ", languages)}; say which language the session counts as.");
                }

                return languages[0];
            default:
                return "en";
        }
    }

    private static Manifest Read(string fullPath, CorpusLoadOptions options, List<string> chain)
    {
        if (!File.Exists(fullPath))
        {
            string from = chain.Count > 0 ? $" (included by {chain[^1]})" : string.Empty;
            throw new CorpusException($"{fullPath}: corpus manifest not found{from}.");
        }

        if (chain.Contains(fullPath, StringComparer.Ordinal))
        {
            throw new CorpusException($"{chain[^1]}: field 'include': {fullPath} includes itself ({string.Join(" -> ", chain)} -> {fullPath}).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(fullPath), s_jsonOptions);
        }
        catch (JsonException e)
        {
            throw new CorpusException(
                $"{fullPath}: malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CorpusException($"{fullPath}: a manifest is a JSON object {{\"name\": ..., \"items\": [...]}}, not {Describe(root)}.");
            }

            RejectUnknownFields(root, s_manifestFields, fullPath);
            string name = RequireString(root, "name", fullPath);
            if (!SafeName().IsMatch(name))
            {
                throw new CorpusException($"{fullPath}: field 'name': \"{name}\" must be letters, digits, '.', '_' or '-' (it names a cache folder).");
            }

            if (root.TryGetProperty("description", out JsonElement description) && description.ValueKind != JsonValueKind.String)
            {
                throw new CorpusException($"{fullPath}: field 'description': expected a string, got {Describe(description)}.");
            }

            var includes = new List<Manifest>();
            chain.Add(fullPath);
            foreach (string include in ReadIncludes(root, fullPath))
            {
                string includePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath)!, include));
                includes.Add(Read(includePath, options, chain));
            }

            chain.RemoveAt(chain.Count - 1);

            if (!root.TryGetProperty("items", out JsonElement items) || items.ValueKind == JsonValueKind.Null)
            {
                throw new CorpusException($"{fullPath}: the manifest names nothing: field 'items' is missing.");
            }

            if (items.ValueKind != JsonValueKind.Array)
            {
                throw new CorpusException($"{fullPath}: field 'items': expected an array of items, got {Describe(items)}.");
            }

            if (items.GetArrayLength() == 0)
            {
                throw new CorpusException($"{fullPath}: the manifest names nothing: 'items' is empty.");
            }

            var specs = new List<ItemSpec>();
            var manifest = new Manifest(fullPath, name, specs, includes);
            int index = 0;
            foreach (JsonElement item in items.EnumerateArray())
            {
                ItemSpec spec = ReadItem(item, index++, manifest, options);
                if (specs.Any(s => s.Id == spec.Id))
                {
                    throw new CorpusException($"{spec.Where} (items[{index - 1}]): field 'id': duplicate id; ids must be unique.");
                }

                if (includes.Select(m => (m, Find(m, spec.Id))).FirstOrDefault(p => p.Item2 is not null) is ({ } other, not null))
                {
                    throw new CorpusException($"{spec.Where}: field 'id': duplicate id; the included manifest {other.Path} defines it too.");
                }

                specs.Add(spec);
            }

            return manifest;
        }
    }

    private static IEnumerable<string> ReadIncludes(JsonElement root, string path)
    {
        if (!root.TryGetProperty("include", out JsonElement include))
        {
            return [];
        }

        if (include.ValueKind == JsonValueKind.String)
        {
            return [include.GetString()!];
        }

        if (include.ValueKind == JsonValueKind.Array && include.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            return [.. include.EnumerateArray().Select(e => e.GetString()!)];
        }

        throw new CorpusException($"{path}: field 'include': expected a manifest path or an array of them, got {Describe(include)}.");
    }

    private static ItemSpec ReadItem(JsonElement item, int index, Manifest owner, CorpusLoadOptions options)
    {
        string at = $"{owner.Path}: items[{index}]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new CorpusException($"{at}: expected an item object, got {Describe(item)}.");
        }

        if (!item.TryGetProperty("id", out JsonElement idElement))
        {
            throw new CorpusException($"{at}: field 'id' is missing; every item needs a unique id.");
        }

        if (idElement.ValueKind != JsonValueKind.String || !SafeName().IsMatch(idElement.GetString()!))
        {
            throw new CorpusException(
                $"{at}: field 'id': expected letters, digits, '.', '_' or '-' (it names cached files), got {Describe(idElement)}.");
        }

        string id = idElement.GetString()!;
        string where = $"{owner.Path}: item '{id}'";
        RejectUnknownFields(item, s_itemFields, where);

        string[] origins = [.. s_origins.Where(o => item.TryGetProperty(o, out _))];
        if (origins.Length != 1)
        {
            string found = origins.Length == 0 ? "none" : string.Join(" and ", origins.Select(o => $"'{o}'"));
            throw new CorpusException($"{where}: needs exactly one audio origin ('audio', 'synth', 'mix' or 'session'); found {found}.");
        }

        ItemOrigin origin = origins[0] switch
        {
            "audio" => ReadAudio(item.GetProperty("audio"), owner, options, where),
            "synth" => ReadSynth(item.GetProperty("synth"), where),
            "mix" => ReadMix(item.GetProperty("mix"), where),
            _ => ReadSession(item.GetProperty("session"), where),
        };

        string? language = OptionalString(item, "language", where);
        if (language is not null && !LanguageCode().IsMatch(language))
        {
            throw new CorpusException($"{where}: field 'language': \"{language}\" is not an ISO 639-1 code (two lower-case letters, e.g. \"en\", \"zh\").");
        }

        if (language is null && origin is SynthOrigin synth)
        {
            language = LanguageOfVoice(synth.Voice)
                ?? throw new CorpusException($"{where}: field 'language': cannot tell the language of voice \"{synth.Voice}\"; give 'language'.");
        }

        string? kind = OptionalString(item, "kind", where);
        if (kind is not null && !s_kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw new CorpusException($"{where}: field 'kind': \"{kind}\" is not one of {string.Join(", ", s_kinds)}.");
        }

        kind ??= origin switch
        {
            AudioOrigin => "real",
            SynthOrigin => "synthetic",
            MixOrigin => "noisy",
            _ => "session",
        };

        string? transcript = OptionalString(item, "transcript", where);
        string? transcriptFile = OptionalString(item, "transcriptFile", where);
        if (transcript is not null && transcriptFile is not null)
        {
            throw new CorpusException($"{where}: give 'transcript' or 'transcriptFile', not both.");
        }

        if (origin is SynthOrigin && (transcript is not null || transcriptFile is not null))
        {
            throw new CorpusException($"{where}: field 'transcript': a synth item's transcript is its 'synth.text'; remove the field.");
        }

        string? alignment = OptionalString(item, "alignment", where);
        if (alignment is not null && origin is not AudioOrigin)
        {
            throw new CorpusException($"{where}: field 'alignment': only 'audio' items take an alignment file; generated items are timed by construction.");
        }

        _ = OptionalString(item, "note", where);
        return new ItemSpec(
            owner,
            id,
            language,
            kind,
            origin,
            transcript,
            transcriptFile is null ? null : Path.GetFullPath(Path.Combine(owner.Directory, transcriptFile)),
            alignment is null ? null : Path.GetFullPath(Path.Combine(owner.Directory, alignment)));
    }

    private static AudioOrigin ReadAudio(JsonElement element, Manifest owner, CorpusLoadOptions options, string where)
    {
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            throw new CorpusException($"{where}: field 'audio': expected a WAV file path, got {Describe(element)}.");
        }

        string written = element.GetString()!;
        if (written == "{jfk}")
        {
            return new AudioOrigin(written, options.JfkWavPath);
        }

        const string LibriVox = "{librivox}/";
        if (written.StartsWith(LibriVox, StringComparison.Ordinal))
        {
            return new AudioOrigin(written, Path.GetFullPath(Path.Combine(options.LibriVoxDirectory, written[LibriVox.Length..])));
        }

        if (written.StartsWith('{'))
        {
            throw new CorpusException($"{where}: field 'audio': unknown placeholder in \"{written}\" (known: {{jfk}}, {{librivox}}/<file>).");
        }

        return new AudioOrigin(written, Path.GetFullPath(Path.Combine(owner.Directory, written)));
    }

    private static SynthOrigin ReadSynth(JsonElement element, string where)
    {
        RequireObject(element, "synth", where);
        RejectUnknownFields(element, ["voice", "text"], $"{where}: field 'synth'");
        string voice = RequireString(element, "voice", $"{where}: field 'synth'");
        string text = RequireString(element, "text", $"{where}: field 'synth'");
        if (SpeechUnits.Split(text, LanguageOfVoice(voice) ?? "en").Count == 0)
        {
            throw new CorpusException($"{where}: field 'synth.text': \"{text}\" has no words to speak.");
        }

        return new SynthOrigin(voice, text, Compact(element));
    }

    private static MixOrigin ReadMix(JsonElement element, string where)
    {
        RequireObject(element, "mix", where);
        string at = $"{where}: field 'mix'";
        RejectUnknownFields(element, ["from", "noise", "snrDb", "gaps"], at);
        string from = RequireString(element, "from", at);
        NoiseColor? noise = null;
        if (OptionalString(element, "noise", at) is { } noiseName)
        {
            noise = noiseName switch
            {
                "white" => NoiseColor.White,
                "pink" => NoiseColor.Pink,
                "brown" => NoiseColor.Brown,
                _ => throw new CorpusException($"{where}: field 'mix.noise': \"{noiseName}\" is not one of white, pink, brown."),
            };
        }

        double snrDb = 10;
        if (element.TryGetProperty("snrDb", out JsonElement snr))
        {
            if (noise is null)
            {
                throw new CorpusException($"{where}: field 'mix.snrDb': there is no 'noise' to set the level of.");
            }

            snrDb = RequireNumber(snr, $"{where}: field 'mix.snrDb'", min: -30, max: 100);
        }

        var gaps = new List<GapSpec>();
        if (element.TryGetProperty("gaps", out JsonElement gapsElement))
        {
            if (gapsElement.ValueKind != JsonValueKind.Array)
            {
                throw new CorpusException($"{where}: field 'mix.gaps': expected an array of {{\"after\": <word index>, \"seconds\": <s>}}, got {Describe(gapsElement)}.");
            }

            int i = 0;
            foreach (JsonElement gap in gapsElement.EnumerateArray())
            {
                int gapIndex = i++;
                string gapAt = $"{where}: field 'mix.gaps[{gapIndex}]'";
                RequireObject(gap, $"mix.gaps[{gapIndex}]", where);
                RejectUnknownFields(gap, ["after", "seconds"], gapAt);
                if (!gap.TryGetProperty("after", out JsonElement after) || after.ValueKind != JsonValueKind.Number
                    || !after.TryGetInt32(out int afterIndex) || afterIndex < 0)
                {
                    throw new CorpusException($"{where}: field 'mix.gaps[{gapIndex}].after': expected a word index (0 or more).");
                }

                if (!gap.TryGetProperty("seconds", out JsonElement seconds))
                {
                    throw new CorpusException($"{where}: field 'mix.gaps[{gapIndex}].seconds' is missing.");
                }

                gaps.Add(new GapSpec(afterIndex, RequireNumber(seconds, $"{where}: field 'mix.gaps[{gapIndex}].seconds'", min: 0.001, max: 600)));
            }
        }

        if (noise is null && gaps.Count == 0)
        {
            throw new CorpusException($"{at}: adds neither 'noise' nor 'gaps'.");
        }

        return new MixOrigin(from, noise, snrDb, [.. gaps.OrderBy(g => g.After)], Compact(element));
    }

    private static SessionOrigin ReadSession(JsonElement element, string where)
    {
        RequireObject(element, "session", where);
        string at = $"{where}: field 'session'";
        RejectUnknownFields(element, ["from", "minutes", "gapSeconds"], at);
        if (!element.TryGetProperty("from", out JsonElement fromElement))
        {
            throw new CorpusException($"{where}: field 'session.from' is missing: name the items to concatenate.");
        }

        IReadOnlyList<string> from = fromElement.ValueKind switch
        {
            JsonValueKind.String => [fromElement.GetString()!],
            JsonValueKind.Array when fromElement.GetArrayLength() > 0 && fromElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                => [.. fromElement.EnumerateArray().Select(e => e.GetString()!)],
            _ => throw new CorpusException($"{where}: field 'session.from': expected a non-empty array of item ids, got {Describe(fromElement)}."),
        };

        if (!element.TryGetProperty("minutes", out JsonElement minutes))
        {
            throw new CorpusException($"{where}: field 'session.minutes' is missing: how long the session runs.");
        }

        double gapSeconds = element.TryGetProperty("gapSeconds", out JsonElement gap)
            ? RequireNumber(gap, $"{where}: field 'session.gapSeconds'", min: 0, max: 600)
            : 1.5;
        return new SessionOrigin(from, RequireNumber(minutes, $"{where}: field 'session.minutes'", min: 0.001, max: 24 * 60), gapSeconds, Compact(element));
    }

    private static void ValidateReferences(Manifest manifest)
    {
        foreach (Manifest included in manifest.Includes)
        {
            ValidateReferences(included);
        }

        foreach (ItemSpec item in manifest.Items)
        {
            CheckSources(item, []);
            _ = LanguageOf(item);
        }
    }

    private static void CheckSources(ItemSpec item, List<string> path)
    {
        if (path.Contains(item.Id, StringComparer.Ordinal))
        {
            throw new CorpusException($"{item.Where}: field '{OriginName(item.Origin)}.from': reference cycle {string.Join(" -> ", path)} -> {item.Id}.");
        }

        IReadOnlyList<string> sources = item.Origin switch
        {
            MixOrigin mix => [mix.From],
            SessionOrigin session => session.From,
            _ => [],
        };
        path.Add(item.Id);
        foreach (string source in sources)
        {
            ItemSpec target = Find(item.Owner, source)
                ?? throw new CorpusException($"{item.Where}: field '{OriginName(item.Origin)}.from': no item has id '{source}'.");
            CheckSources(target, path);
        }

        path.RemoveAt(path.Count - 1);
    }

    private static string OriginName(ItemOrigin origin) => origin is MixOrigin ? "mix" : "session";

    /// <summary>espeak-ng voice name to ISO 639-1: "es" and "es-419" are Spanish; "cmn..." (Mandarin) is zh.</summary>
    internal static string? LanguageOfVoice(string voice)
    {
        string head = voice.Split('+')[0].Split('-')[0].ToLowerInvariant();
        if (head is "cmn" or "yue" or "zh" or "hak")
        {
            return "zh";
        }

        return head.Length == 2 && head.All(char.IsAsciiLetterLower) ? head : null;
    }

    private static void RejectUnknownFields(JsonElement element, string[] known, string where)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new CorpusException($"{where}: unknown field '{property.Name}' (known: {string.Join(", ", known)}).");
            }
        }
    }

    private static void RequireObject(JsonElement element, string field, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CorpusException($"{where}: field '{field}': expected an object, got {Describe(element)}.");
        }
    }

    private static string RequireString(JsonElement element, string field, string where)
    {
        if (!element.TryGetProperty(field, out JsonElement value))
        {
            throw new CorpusException($"{where}: field '{field}' is missing.");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new CorpusException($"{where}: field '{field}': expected a non-empty string, got {Describe(value)}.");
        }

        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement element, string field, string where)
    {
        if (!element.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new CorpusException($"{where}: field '{field}': expected a non-empty string, got {Describe(value)}.");
        }

        return value.GetString();
    }

    private static double RequireNumber(JsonElement value, string where, double min, double max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            throw new CorpusException($"{where}: expected a number, got {Describe(value)}.");
        }

        if (number < min || number > max)
        {
            throw new CorpusException(
                $"{where}: {number.ToString(CultureInfo.InvariantCulture)} is out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
        }

        return number;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Compact(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();

    [GeneratedRegex("^[a-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
