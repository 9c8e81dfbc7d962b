using Captions.Engine.Captioning;
using Captions.Engine.Timing;

namespace Captions.Renderer.Tests.Scene;

/// <summary>Caption line versions as the pipeline would send them.</summary>
internal static class TestLines
{
    public static CaptionLine Partial(long id, int version, string text, int stableWords = 0, string? translation = null) =>
        new(id, version, CaptionState.Partial, text, TimeSpan.Zero, TimeSpan.FromSeconds(1), [], new LatencyStamps(1, 2, 3, 0, 0))
        {
            StableWords = stableWords,
            Translation = translation,
        };

    public static CaptionLine Committed(long id, int version, string text, string? translation = null, bool untranslated = false) =>
        new(id, version, CaptionState.Committed, text, TimeSpan.Zero, TimeSpan.FromSeconds(1), [], new LatencyStamps(1, 2, 3, 4, 0))
        {
            Translation = translation,
            Untranslated = untranslated,
        };
}
