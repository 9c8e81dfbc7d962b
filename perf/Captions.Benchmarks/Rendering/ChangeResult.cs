namespace Captions.Benchmarks.Rendering;

/// <summary>
/// One caption-change case: the change-to-frame-ready time, its phase samples (apply + compose, which shapes and
/// rasterises; atlas upload), atlas texels uploaded per change, and glyphs evicted from the atlas while timing.
/// </summary>
internal sealed record ChangeResult(Measurement Total, double[] Compose, double[] Upload, double TexelsPerChange, long Evictions);
