using System.Text.Json;

namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Reads the events file `listen --events` writes (see <see cref="Output.JsonLinesEventWriter"/>) back into
/// <see cref="CaptionEmission"/>s for the latency metrics. A version's emission time is its last pipeline stamp:
/// the translation stamp (mt) when there is one, else the recogniser's (asr); presented records fill in
/// <see cref="CaptionEmission.PresentedSeconds"/>. Times stay in seconds since the run started (the stamps' origin):
/// with real-time pacing that is the audio timeline up to the capture start-up offset, which the harness subtracts.
/// </summary>
public static class EventLog
{
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="EventLogException">A line is not JSON or lacks a field (the message names file and line).</exception>
    public static IReadOnlyList<CaptionEmission> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"events file '{path}' does not exist", path);
        }

        var emissions = new List<CaptionEmission>();
        var byVersion = new Dictionary<(long Id, int Version), int>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                switch (root.GetProperty("type").GetString())
                {
                    case "partial" or "commit":
                        var stamps = root.GetProperty("stamps");
                        var emitted = Seconds(stamps, "mt") ?? Seconds(stamps, "asr")
                            ?? throw new EventLogException($"{path}:{number}: a caption version without an asr stamp");
                        var key = (root.GetProperty("id").GetInt64(), root.GetProperty("version").GetInt32());
                        byVersion[key] = emissions.Count;
                        emissions.Add(new CaptionEmission(
                            key.Item1,
                            key.Item2,
                            root.GetProperty("type").GetString() == "commit",
                            root.GetProperty("translation").GetString() ?? root.GetProperty("text").GetString() ?? string.Empty,
                            emitted,
                            Seconds(stamps, "presented")));
                        break;
                    case "presented":
                        var presented = (root.GetProperty("id").GetInt64(), root.GetProperty("version").GetInt32());
                        if (byVersion.TryGetValue(presented, out var index) && Seconds(root, "presented") is double at)
                        {
                            emissions[index] = emissions[index] with { PresentedSeconds = at };
                        }

                        break;
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new EventLogException($"{path}:{number}: not a caption event ({e.Message})", e);
            }
        }

        return emissions;
    }

    private static double? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() / 1000.0 : null;
}
