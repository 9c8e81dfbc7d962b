using Captions.Engine.Captioning;
using Captions.Engine.Timing;

namespace Captions.Engine.Tests.Output;

/// <summary>Builds caption lines for output tests.</summary>
internal static class CaptionLines
{
    public static CaptionLine Committed(long id, string text, double startSeconds, double endSeconds, string? translation = null) =>
        new(id, 2, CaptionState.Committed, text, TimeSpan.FromSeconds(startSeconds), TimeSpan.FromSeconds(endSeconds), [], default)
        {
            Translation = translation,
        };

    public static CaptionLine Partial(long id, string text, double startSeconds, double endSeconds) =>
        new(id, 1, CaptionState.Partial, text, TimeSpan.FromSeconds(startSeconds), TimeSpan.FromSeconds(endSeconds), [], default);

    /// <summary>A committed line whose words are evenly timed over [start, end), with word timings.</summary>
    public static CaptionLine WithWordTimings(long id, string text, double startSeconds, double endSeconds)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double step = (endSeconds - startSeconds) / words.Length;
        var timings = words
            .Select((w, i) => new WordTiming(w, TimeSpan.FromSeconds(startSeconds + (i * step)), TimeSpan.FromSeconds(startSeconds + ((i + 0.8) * step)), 0.9f))
            .ToArray();
        return new CaptionLine(id, 1, CaptionState.Committed, text, TimeSpan.FromSeconds(startSeconds), TimeSpan.FromSeconds(endSeconds), timings, default);
    }

    public static LatencyStamps NoStamps => default;
}
