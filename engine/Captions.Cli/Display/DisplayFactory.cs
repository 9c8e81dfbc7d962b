using Captions.Cli.Configuration;
using Captions.Renderer.Layout;
using Captions.Renderer.OpenGL;
using Captions.Renderer.OpenGL.Hosting;
using Captions.Renderer.Stereo;

namespace Captions.Cli.Display;

/// <summary>Turns validated <see cref="DisplaySettings"/> into the renderer's options.</summary>
internal static class DisplayFactory
{
    public static CaptionDisplayOptions Options(DisplaySettings settings, DisplayTarget target, bool expectTranslation)
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
            },
            PngDirectory = target.PngDirectory,
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
}
