using System.Globalization;
using Captions.Renderer.Drawing;
using Captions.Renderer.OpenGL;

namespace Captions.Cli.Display;

/// <summary>Where `--display` sends captions: nowhere, windows in one of the glasses' layouts, or PNG frames.</summary>
internal readonly record struct DisplayTarget(DisplayLayout? Layout, string? PngDirectory)
{
    public static DisplayTarget None => default;

    public bool IsNone => Layout is null;

    /// <summary>Parses none | sbs | dual | mono | headless | png:DIR.</summary>
    public static bool TryParse(string? text, out DisplayTarget target)
    {
        target = None;
        switch (text)
        {
            case null or "" or "none":
                return true;
            case "sbs":
                target = new DisplayTarget(DisplayLayout.Sbs, null);
                return true;
            case "dual":
                target = new DisplayTarget(DisplayLayout.Dual, null);
                return true;
            case "mono":
                target = new DisplayTarget(DisplayLayout.Mono, null);
                return true;
            case "headless":
                // Rendered off-screen and thrown away: the frames' timing is measured (captions bench), nothing is written.
                target = new DisplayTarget(DisplayLayout.Headless, null);
                return true;
        }

        if (text.StartsWith("png:", StringComparison.Ordinal) && text.Length > 4)
        {
            target = new DisplayTarget(DisplayLayout.Headless, text[4..]);
            return true;
        }

        return false;
    }

    /// <summary>Parses WIDTHxHEIGHT with each side in 64..8192 pixels.</summary>
    public static bool TryParseSize(string? text, out int width, out int height)
    {
        width = height = 0;
        var parts = text?.Split('x') ?? [];
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width is >= 64 and <= 8192 && height is >= 64 and <= 8192;
    }

    /// <summary>Parses "X,Y" whole pixels within +-500.</summary>
    public static bool TryParseOffset(string? text, out EyeOffset offset)
    {
        offset = default;
        var parts = text?.Split(',') ?? [];
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x)
            && int.TryParse(parts[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y)
            && Math.Abs(x) <= 500 && Math.Abs(y) <= 500)
        {
            offset = new EyeOffset(x, y);
            return true;
        }

        return false;
    }
}
