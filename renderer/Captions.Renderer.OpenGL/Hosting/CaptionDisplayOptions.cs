using Captions.Renderer.Layout;
using Captions.Renderer.Stereo;
using Captions.Renderer.Text;

namespace Captions.Renderer.OpenGL.Hosting;

/// <summary>What a <see cref="CaptionDisplay"/> shows and where.</summary>
public sealed record CaptionDisplayOptions
{
    /// <summary>Layout (sbs, dual, mono windows, or headless), per-eye size, refresh rate and vsync.</summary>
    public DisplayOptions Display { get; init; } = new();

    /// <summary>With the headless layout: the folder that receives one PNG per changed frame (null: draw only).</summary>
    public string? PngDirectory { get; init; }

    public CaptionStyle Style { get; init; } = CaptionStyle.Default;

    public StereoOptions Stereo { get; init; } = new();

    /// <summary>Font fallback chain; null = <see cref="FontCollection.DefaultChain"/> (Debian fonts the bootstrap installs).</summary>
    public IReadOnlyList<FontSource>? Fonts { get; init; }

    /// <summary>Glyph atlas side in pixels: 1024 holds ~600 CJK glyphs at caption size before eviction starts.</summary>
    public int AtlasSize { get; init; } = 1024;
}
