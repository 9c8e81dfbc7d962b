using Captions.Cli.Configuration;
using Captions.Renderer.Layout;
using Captions.Renderer.OpenGL;
using Captions.Renderer.OpenGL.Hosting;
using Captions.Renderer.Stereo;
using Captions.Renderer.Text;

namespace Captions.Cli.Display;

/// <summary>Turns validated <see cref="DisplaySettings"/> into the renderer's options.</summary>
internal static class DisplayFactory
{
    /// <param name="x11Display">The DISPLAY the user's environment names (null: the process's own).</param>
    public static CaptionDisplayOptions Options(DisplaySettings settings, DisplayTarget target, bool expectTranslation, string? x11Display = null)
    {
        DisplayTarget.TryParseSize(settings.Eye, out var width, out var height);
        DisplayTarget.TryParseOffset(settings.LeftCalibration, out var left);
        DisplayTarget.TryParseOffset(settings.RightCalibration, out var right);
        return new CaptionDisplayOptions
        {
            Display = new DisplayOptions
            {
                Layout = target.Layout ?? DisplayLayout.Headless,
                EyeWidth = width,
                EyeHeight = height,
                RefreshHz = settings.RefreshHz,
                VSync = settings.VSync,
                X11Display = string.IsNullOrEmpty(x11Display) ? null : x11Display,
            },
            PngDirectory = target.PngDirectory,
            Fonts = settings.Fonts is { Count: > 0 } fonts ? [.. fonts.Select(ParseFont)] : null,
            Style = CaptionStyle.Default with
            {
                ShowSource = settings.ShowSource,
                Brightness = settings.Brightness,
                Contrast = settings.Contrast,
                Effect = settings.Effect switch
                {
                    "shadow" => TextEffect.Shadow,
                    "outline" => TextEffect.Outline,
                    _ => TextEffect.None,
                },
                ExpectTranslation = expectTranslation,
            },
            Stereo = new StereoOptions
            {
                // Mono shows both eyes the same image: no disparity, as if the plane were at infinity.
                DepthMetres = target.Layout == DisplayLayout.Mono ? double.PositiveInfinity : settings.DepthMetres,
                IpdMillimetres = settings.IpdMillimetres,
                FieldOfViewDegrees = settings.FieldOfViewDegrees,
                LeftCalibration = left,
                RightCalibration = right,
            },
        };
    }

    private static FontSource ParseFont(string entry)
    {
        var hash = entry.LastIndexOf('#');
        return hash > 0 && int.TryParse(entry.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var face)
            ? new FontSource(entry[..hash], face)
            : new FontSource(entry);
    }
}
