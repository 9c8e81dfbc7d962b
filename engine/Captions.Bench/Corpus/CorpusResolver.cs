using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Captions.Engine.Audio;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Corpus;

/// <summary>
/// Turns validated item specs into <see cref="CorpusItem"/>s: checks recorded audio, reads transcripts and alignments,
/// and builds generated audio (synthesis, mixes, sessions) into the cache, or finds it there. Each item is resolved
/// once, even when several mixes and sessions use it. An item that cannot be built is recorded as a problem and its
/// dependants fail with it; the rest load.
/// </summary>
/// <remarks>
/// Cache layout: <c>&lt;cache root&gt;/corpus/&lt;manifest name&gt;/&lt;id&gt;-&lt;12 hex&gt;.wav</c> and a
/// <c>.words.json</c> beside it. The hex is a SHA-256 of everything the samples depend on: the item's origin spec,
/// the espeak-ng version, the sources' own keys (recorded audio: path, size, modification time and alignment bytes),
/// and <see cref="GeneratorVersion"/>. A changed input gives a new file name, so stale audio is never reused.
/// </remarks>
internal sealed class CorpusResolver
{
    /// <summary>Bumped whenever generation changes in a way that alters samples or timings.</summary>
    private const string GeneratorVersion = "corpus-gen-1";

    /// <summary>Silence before the first and after the last synthesised word, so a VAD sees a clean onset and offset.</summary>
    private const double SynthLeadSeconds = 0.30;
    private const double SynthTailSeconds = 0.40;

    /// <summary>Pause between synthesised words: 60-120 ms, drawn from a seeded generator, like unhurried speech.</summary>
    private const int MinWordGapMs = 60;
    private const int MaxWordGapMs = 120;

    private const int Rate = AudioFormat.SampleRate;

    private readonly CorpusLoadOptions _options;
    private readonly Dictionary<ItemSpec, Resolved?> _resolved = [];
    private readonly List<string> _problems = [];
    private EspeakSynthesizer? _espeak;
    private SoxNoise? _sox;

    public CorpusResolver(CorpusLoadOptions options)
    {
        _options = options;
    }

    /// <summary>One line per item that failed or lost part of its reference, in resolution order.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Items taken from the cache rather than built.</summary>
    public int CacheHits { get; private set; }

    /// <summary>Items built (synthesised, mixed, concatenated or converted) by this load.</summary>
    public int Built { get; private set; }

    /// <summary>The item, or null when it could not be built (the reason is in <see cref="Problems"/>).</summary>
    public async Task<CorpusItem?> ResolveAsync(ItemSpec spec, CancellationToken cancellationToken)
        => (await ResolveInternalAsync(spec, cancellationToken).ConfigureAwait(false))?.Item;

    private async Task<Resolved?> ResolveInternalAsync(ItemSpec spec, CancellationToken cancellationToken)
    {
        if (_resolved.TryGetValue(spec, out Resolved? done))
        {
            return done;
        }

        Resolved? result;
        try
        {
            result = spec.Origin switch
            {
                AudioOrigin audio => await ResolveAudioAsync(spec, audio, cancellationToken).ConfigureAwait(false),
                SynthOrigin synth => await ResolveSynthAsync(spec, synth, cancellationToken).ConfigureAwait(false),
                MixOrigin mix => await ResolveMixAsync(spec, mix, cancellationToken).ConfigureAwait(false),
                SessionOrigin session => await ResolveSessionAsync(spec, session, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Unknown origin {spec.Origin}"),
            };
        }
        catch (Exception e) when (e is CorpusItemException or IOException or UnauthorizedAccessException)
        {
            _problems.Add($"{spec.Where}: skipped: {e.Message}");
            result = null;
        }

        _resolved[spec] = result;
        return result;
    }

    private async Task<Resolved> ResolveAudioAsync(ItemSpec spec, AudioOrigin audio, CancellationToken cancellationToken)
    {
        string path = audio.FullPath ?? throw new CorpusItemException($"field 'audio': {audio.Written}: the jfk.wav location is unknown");
        if (!File.Exists(path))
        {
            throw new CorpusItemException($"field 'audio': {path} not found" + (audio.Written.StartsWith('{') ? $" ({audio.Written}; run ./scripts/bootstrap.sh)" : string.Empty));
        }

        WavInfo info;
        using (WavReader reader = WavReader.Open(path))
        {
            info = reader.Info;
        }

        var file = new FileInfo(path);
        string? alignmentBytesHash = spec.AlignmentFile is not null && File.Exists(spec.AlignmentFile)
            ? Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(spec.AlignmentFile, cancellationToken).ConfigureAwait(false)))
            : null;
        string key = Hash($"audio|{path}|{file.Length}|{file.LastWriteTimeUtc.Ticks}|{alignmentBytesHash}");

        string audioPath = path;
        double duration;
        if (info is { SampleRate: Rate, Channels: 1, BitsPerSample: 16, Encoding: WavEncoding.Pcm })
        {
            duration = (double)(info.FrameCount ?? 0) / Rate;
        }
        else
        {
            // whisper-cli and pocketsphinx_continuous read only 16 kHz mono 16-bit: convert once into the cache.
            audioPath = CachePath(spec, key, ".wav");
            if (File.Exists(audioPath))
            {
                CacheHits++;
            }
            else
            {
                Report($"corpus: converting {spec.Id} ({info.SampleRate} Hz, {info.Channels} ch, {info.BitsPerSample}-bit) to 16 kHz mono 16-bit");
                Pcm16WavWriter.Write(audioPath, AudioFile.ReadMono16k(path));
                Built++;
            }

            duration = ReadDuration(audioPath);
        }

        string? transcript = ReadTranscript(spec, path);
        IReadOnlyList<ReferenceWord>? words = null;
        string? source = null;
        if (spec.AlignmentFile is not null)
        {
            try
            {
                (source, words) = WordTimingsFile.Read(spec.AlignmentFile);
                source ??= "alignment file";
                if (words is { Count: > 0 } && words[^1].EndSeconds > duration + 0.05)
                {
                    throw new CorpusItemException(
                        $"{spec.AlignmentFile}: the last word ends at {words[^1].EndSeconds.ToString(CultureInfo.InvariantCulture)} s, after the audio ({duration.ToString("0.###", CultureInfo.InvariantCulture)} s)");
                }
            }
            catch (CorpusItemException e)
            {
                _problems.Add($"{spec.Where}: field 'alignment': {e.Message}: no word timings (latency per word is skipped)");
                (source, words) = (null, null);
            }
        }

        return new Resolved(
            new CorpusItem(spec.Id, audioPath, spec.Kind, ReadLanguage(spec))
            {
                Transcript = transcript,
                Words = words,
                AlignmentSource = words is null ? null : source,
                DurationSeconds = duration,
            },
            key);
    }

    private async Task<Resolved> ResolveSynthAsync(ItemSpec spec, SynthOrigin synth, CancellationToken cancellationToken)
    {
        _espeak ??= await EspeakSynthesizer.LocateAsync(_options.EspeakNgExecutable, spec.Where, cancellationToken).ConfigureAwait(false);
        string language = ReadLanguage(spec);
        string key = Hash($"{GeneratorVersion}|synth|{synth.SpecJson}|{language}|espeak-ng {_espeak.Version}");
        string wavPath = CachePath(spec, key, ".wav");
        string wordsPath = CachePath(spec, key, ".words.json");
        if (!TryReadCache(wavPath, wordsPath, out IReadOnlyList<ReferenceWord>? words) || words is null)
        {
            var units = SpeechUnits.Split(synth.Text, language);
            Report($"corpus: synthesising {spec.Id} (espeak-ng -v {synth.Voice}, {units.Count} words)");
            var clips = new float[units.Count][];
            DirectoryInfo scratch = Directory.CreateTempSubdirectory("captions-corpus-");
            try
            {
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, units.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                    async (i, ct) => clips[i] = await _espeak.SpeakAsync(synth.Voice, units[i].Spoken, scratch.FullName, ct).ConfigureAwait(false))
                    .ConfigureAwait(false);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }

            var random = new Random(Seed(key));
            var built = new List<ReferenceWord>(units.Count);
            using (var writer = new Pcm16WavWriter(wavPath))
            {
                writer.AppendSilence(Samples(SynthLeadSeconds));
                for (int i = 0; i < units.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.AppendSilence(Samples(random.Next(MinWordGapMs, MaxWordGapMs + 1) / 1000.0));
                    }

                    double start = (double)writer.SampleCount / Rate;
                    writer.Append(clips[i]);
                    built.Add(new ReferenceWord(units[i].Word, start, (double)writer.SampleCount / Rate));
                }

                writer.AppendSilence(Samples(SynthTailSeconds));
                WordTimingsFile.Write(wordsPath, "synthesis", built);
                writer.Complete();
            }

            Built++;
            words = built;
        }

        return new Resolved(
            new CorpusItem(spec.Id, wavPath, spec.Kind, language)
            {
                Transcript = synth.Text,
                Words = words,
                AlignmentSource = "synthesis",
                DurationSeconds = ReadDuration(wavPath),
            },
            key);
    }

    private async Task<Resolved> ResolveMixAsync(ItemSpec spec, MixOrigin mix, CancellationToken cancellationToken)
    {
        ItemSpec sourceSpec = ManifestReader.Find(spec.Owner, mix.From)!;
        Resolved source = await ResolveInternalAsync(sourceSpec, cancellationToken).ConfigureAwait(false)
            ?? throw new CorpusItemException($"its source '{mix.From}' could not be loaded (see above)");
        CorpusItem from = source.Item;
        if (mix.Gaps.Count > 0)
        {
            if (from.Words is null)
            {
                throw new CorpusItemException($"field 'mix.gaps': '{from.Id}' has no word timings to place the gaps by");
            }

            GapSpec last = mix.Gaps[^1];
            if (last.After >= from.Words.Count)
            {
                throw new CorpusItemException($"field 'mix.gaps': a gap after word {last.After}, but '{from.Id}' has {from.Words.Count} words (0-{from.Words.Count - 1})");
            }
        }

        // Gap-only mixes need no sox; noisy ones hash its version, since another build may make other noise.
        if (mix.Noise is not null)
        {
            _sox ??= await SoxNoise.LocateAsync(_options.SoxExecutable, spec.Where, cancellationToken).ConfigureAwait(false);
        }

        string soxVersion = mix.Noise is null ? string.Empty : $"|sox {_sox!.Version}";
        string key = Hash($"{GeneratorVersion}|mix|{mix.SpecJson}|{source.Key}{soxVersion}");
        string wavPath = CachePath(spec, key, ".wav");
        string wordsPath = CachePath(spec, key, ".words.json");
        if (!TryReadCache(wavPath, wordsPath, out IReadOnlyList<ReferenceWord>? words))
        {
            string what = string.Join(", ", new[]
            {
                mix.Noise is { } color ? $"{color.ToString().ToLowerInvariant()} noise at {mix.SnrDb.ToString(CultureInfo.InvariantCulture)} dB SNR" : null,
                mix.Gaps.Count > 0 ? $"{mix.Gaps.Count} gap{(mix.Gaps.Count == 1 ? string.Empty : "s")}" : null,
            }.Where(s => s is not null));
            Report($"corpus: mixing {spec.Id} from {from.Id} ({what})");
            words = await BuildMixAsync(from, mix, wavPath, wordsPath, cancellationToken).ConfigureAwait(false);
            Built++;
        }

        return new Resolved(
            new CorpusItem(spec.Id, wavPath, spec.Kind, ReadLanguage(spec))
            {
                Transcript = spec.Transcript ?? from.Transcript,
                Words = words,
                AlignmentSource = words is null ? null : from.AlignmentSource,
                DurationSeconds = ReadDuration(wavPath),
            },
            key);
    }

    private async Task<IReadOnlyList<ReferenceWord>?> BuildMixAsync(
        CorpusItem from, MixOrigin mix, string wavPath, string wordsPath, CancellationToken cancellationToken)
    {
        float[] signal = AudioFile.ReadMono16k(from.AudioPath);
        double signalPower = 0;
        foreach (float s in signal)
        {
            signalPower += (double)s * s;
        }

        signalPower /= Math.Max(1, signal.Length);

        // A gap after word k goes midway between word k's end and word k+1's start (after the last word: at its end),
        // so it lands in the pause even when the alignment is a little off; words after it move by exactly its length.
        var cuts = new List<(int At, int Length)>();
        foreach (GapSpec gap in mix.Gaps)
        {
            ReferenceWord word = from.Words![gap.After];
            double at = gap.After + 1 < from.Words.Count ? (word.EndSeconds + from.Words[gap.After + 1].StartSeconds) / 2 : word.EndSeconds;
            cuts.Add((Math.Clamp(Samples(at), 0, signal.Length), Samples(gap.Seconds)));
        }

        int total = signal.Length + cuts.Sum(c => c.Length);
        var output = new float[total];
        int read = 0, written = 0;
        foreach ((int at, int length) in cuts)
        {
            signal.AsSpan(read, at - read).CopyTo(output.AsSpan(written));
            written += (at - read) + length;
            read = at;
        }

        signal.AsSpan(read).CopyTo(output.AsSpan(written));

        if (mix.Noise is { } color)
        {
            double noiseRms = Math.Sqrt(signalPower) / Math.Pow(10, mix.SnrDb / 20);
            float[] noise = await _sox!.GenerateAsync(color, total, noiseRms, cancellationToken).ConfigureAwait(false);
            float peak = 0;
            for (int i = 0; i < total; i++)
            {
                output[i] += noise[i];
                peak = Math.Max(peak, Math.Abs(output[i]));
            }

            if (peak > 0.99f)
            {
                // Scale rather than clip: clipping would add distortion the SNR does not account for.
                float scale = 0.99f / peak;
                for (int i = 0; i < total; i++)
                {
                    output[i] *= scale;
                }
            }
        }

        IReadOnlyList<ReferenceWord>? words = null;
        if (from.Words is not null)
        {
            var shifted = new List<ReferenceWord>(from.Words.Count);
            for (int i = 0; i < from.Words.Count; i++)
            {
                int inserted = 0;
                for (int g = 0; g < mix.Gaps.Count; g++)
                {
                    inserted += mix.Gaps[g].After < i ? cuts[g].Length : 0;
                }

                double shift = (double)inserted / Rate;
                ReferenceWord w = from.Words[i];
                shifted.Add(w with { StartSeconds = w.StartSeconds + shift, EndSeconds = w.EndSeconds + shift });
            }

            words = shifted;
        }

        WordTimingsFile.Write(wordsPath, from.AlignmentSource, words);
        Pcm16WavWriter.Write(wavPath, output);
        return words;
    }

    private async Task<Resolved> ResolveSessionAsync(ItemSpec spec, SessionOrigin session, CancellationToken cancellationToken)
    {
        // A long session is still worth running without one of its clips: it rotates through the sources that load.
        var sources = new List<Resolved>();
        var missing = new List<string>();
        foreach (string id in session.From)
        {
            ItemSpec sourceSpec = ManifestReader.Find(spec.Owner, id)!;
            if (await ResolveInternalAsync(sourceSpec, cancellationToken).ConfigureAwait(false) is { } source)
            {
                sources.Add(source);
            }
            else
            {
                missing.Add(id);
            }
        }

        if (sources.Count == 0)
        {
            throw new CorpusItemException($"none of its sources could be loaded ({string.Join(", ", missing)}; see above)");
        }

        if (missing.Count > 0)
        {
            _problems.Add($"{spec.Where}: field 'session.from': built without {string.Join(", ", missing.Select(m => $"'{m}'"))}, which could not be loaded");
        }

        string key = Hash($"{GeneratorVersion}|session|{session.SpecJson}|{string.Join('|', sources.Select(s => s.Key))}");
        string wavPath = CachePath(spec, key, ".wav");
        string wordsPath = CachePath(spec, key, ".words.json");
        CorpusItem? untimed = sources.Select(s => s.Item).FirstOrDefault(i => i.Words is null);
        long target = Samples(session.Minutes * 60);
        int gapSamples = Samples(session.GapSeconds);

        // The plan is computed from durations alone, so the transcript is known without reading the audio.
        var plan = new List<CorpusItem>();
        long planned = 0;
        for (int i = 0; planned < target; i++)
        {
            CorpusItem next = sources[i % sources.Count].Item;
            long length = Samples(next.DurationSeconds);
            if (length == 0 && i >= sources.Count)
            {
                throw new CorpusItemException("field 'session.from': its sources hold no audio");
            }

            planned += (plan.Count > 0 ? gapSamples : 0) + length;
            plan.Add(next);
        }

        if (!TryReadCache(wavPath, wordsPath, out IReadOnlyList<ReferenceWord>? words))
        {
            Report($"corpus: building {spec.Id} ({session.Minutes.ToString(CultureInfo.InvariantCulture)} min from {sources.Count} items, {plan.Count} clips)");
            var audio = new Dictionary<string, float[]>(StringComparer.Ordinal);
            var built = untimed is null ? new List<ReferenceWord>() : null;
            using (var writer = new Pcm16WavWriter(wavPath))
            {
                foreach (CorpusItem item in plan)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (writer.SampleCount > 0)
                    {
                        writer.AppendSilence(gapSamples);
                    }

                    if (!audio.TryGetValue(item.Id, out float[]? samples))
                    {
                        samples = audio[item.Id] = AudioFile.ReadMono16k(item.AudioPath);
                    }

                    double offset = (double)writer.SampleCount / Rate;
                    built?.AddRange(item.Words!.Select(w => w with { StartSeconds = w.StartSeconds + offset, EndSeconds = w.EndSeconds + offset }));
                    writer.Append(samples);
                }

                WordTimingsFile.Write(wordsPath, CombinedSource(sources), built);
                writer.Complete();
            }

            Built++;
            words = built;
        }

        if (untimed is not null)
        {
            _problems.Add($"{spec.Where}: no word timings: its source '{untimed.Id}' has none (latency per word is skipped)");
        }

        string? transcript = plan.Any(i => i.Transcript is null) ? null : string.Join(' ', plan.Select(i => i.Transcript));
        if (transcript is null)
        {
            _problems.Add($"{spec.Where}: no transcript: a source has none (latency only, WER skipped)");
        }

        return new Resolved(
            new CorpusItem(spec.Id, wavPath, spec.Kind, ReadLanguage(spec))
            {
                Transcript = transcript,
                Words = words,
                AlignmentSource = words is null ? null : CombinedSource(sources),
                DurationSeconds = ReadDuration(wavPath),
            },
            key);
    }

    private static string? CombinedSource(List<Resolved> sources)
    {
        string[] names = [.. sources.Select(s => s.Item.AlignmentSource).OfType<string>().Distinct(StringComparer.Ordinal)];
        return names.Length == 0 ? null : string.Join(" + ", names);
    }

    private string? ReadTranscript(ItemSpec spec, string audioPath)
    {
        if (spec.Transcript is not null)
        {
            return spec.Transcript;
        }

        if (spec.TranscriptFile is not null)
        {
            if (!File.Exists(spec.TranscriptFile))
            {
                _problems.Add($"{spec.Where}: field 'transcriptFile': {spec.TranscriptFile} not found: latency only (WER skipped)");
                return null;
            }

            return string.Join(' ', File.ReadAllText(spec.TranscriptFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        // A pocketsphinx-style folder (the LibriVox clips) keeps its transcripts in a `transcription` file.
        string transcription = Path.Combine(Path.GetDirectoryName(audioPath)!, ReferenceCorpus.TranscriptionFile);
        if (File.Exists(transcription))
        {
            string fileId = Path.GetFileNameWithoutExtension(audioPath);
            foreach (KeyValuePair<string, string> entry in ReferenceCorpus.ReadTranscription(transcription))
            {
                if (entry.Key == fileId)
                {
                    return entry.Value;
                }
            }
        }

        _problems.Add($"{spec.Where}: no transcript ('transcript' or 'transcriptFile'): latency only (WER skipped)");
        return null;
    }

    /// <summary>A cache hit: both files exist and the words file reads; a damaged entry is a miss and is rebuilt.</summary>
    private bool TryReadCache(string wavPath, string wordsPath, out IReadOnlyList<ReferenceWord>? words)
    {
        words = null;
        if (!File.Exists(wavPath) || !File.Exists(wordsPath))
        {
            return false;
        }

        try
        {
            words = WordTimingsFile.Read(wordsPath).Words;
        }
        catch (CorpusItemException)
        {
            return false;
        }

        CacheHits++;
        return true;
    }

    private static string ReadLanguage(ItemSpec spec) => ManifestReader.LanguageOf(spec);

    private string CachePath(ItemSpec spec, string key, string extension)
        => Path.Combine(_options.CacheRoot, "corpus", spec.Owner.Name, $"{spec.Id}-{key[..12]}{extension}");

    private static double ReadDuration(string wavPath)
    {
        using WavReader reader = WavReader.Open(wavPath);
        return (double)(reader.Info.FrameCount ?? 0) / reader.Info.SampleRate;
    }

    private void Report(string line) => _options.Progress?.Invoke(line);

    private static int Samples(double seconds) => (int)Math.Round(seconds * Rate);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static int Seed(string key) => int.Parse(key[..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private sealed record Resolved(CorpusItem Item, string Key);
}
