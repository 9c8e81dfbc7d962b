using System.Globalization;
using System.Text;

namespace Captions.TestKit.Vision;

/// <summary>
/// Everything that decides how a synthetic sign looks: its exact text (one entry per line), the language it is in,
/// the face and size, the colours (0xRRGGBB), the canvas, and the degradations applied after drawing, in this order:
/// <see cref="Perspective"/>, <see cref="RotationDegrees"/> (clockwise, about the centre), <see cref="Blur"/>
/// (Gaussian sigma in pixels), <see cref="Noise"/> (ffmpeg noise strength 0..100, fixed seed).
/// </summary>
public sealed record SignSpec
{
    /// <summary>Short identifier for reports ("en-exit-rot6").</summary>
    public required string Name { get; init; }

    /// <summary>The text exactly as drawn, one entry per line; what an OCR engine should read.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>ISO 639-1 code of the text ("en", "es", "fr", "de", "zh", "ja").</summary>
    public string Language { get; init; } = "en";

    public string FontFile { get; init; } = SyntheticFonts.DejaVuSans;

    public int FontSize { get; init; } = 48;

    public uint Foreground { get; init; } = 0xFFFFFF;

    public uint Background { get; init; } = 0x1E5AA8;

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 240;

    public SignTextPosition Position { get; init; } = SignTextPosition.Center;

    /// <summary>Clockwise rotation in degrees (keep small, -8..8: the canvas is not enlarged, corners are filled with the background).</summary>
    public double RotationDegrees { get; init; }

    /// <summary>Gaussian blur sigma in pixels (0 = sharp).</summary>
    public double Blur { get; init; }

    /// <summary>ffmpeg noise filter strength (alls=, 0..100; 0 = none).</summary>
    public int Noise { get; init; }

    public SignPerspective? Perspective { get; init; }

    /// <summary>The expected reading: the lines joined with '\n'.</summary>
    public string ExpectedText => string.Join('\n', Lines);

    /// <summary>Every parameter in a fixed textual form, for the cache key.</summary>
    internal string Canonical()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"sign|{string.Join('\u001F', Lines)}|{Language}|{FontFile}|{FontSize}|{Foreground:X6}|{Background:X6}|");
        builder.Append(CultureInfo.InvariantCulture, $"{Width}x{Height}|{Position}|{RotationDegrees:R}|{Blur:R}|{Noise}|");
        if (Perspective is { } p)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{p.TopLeft}{p.TopRight}{p.BottomRight}{p.BottomLeft}");
        }

        return builder.ToString();
    }

    internal void Validate()
    {
        if (Lines.Count == 0 || Lines.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Sign '{Name}': every line needs text; got {Lines.Count} line(s).", nameof(Lines));
        }

        if (Lines.Any(line => line.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Sign '{Name}': a line contains '\\n'; give each line as its own entry.", nameof(Lines));
        }

        if (!File.Exists(FontFile))
        {
            throw new FileNotFoundException($"Sign '{Name}': font {FontFile} is missing (Debian fonts-dejavu-core / fonts-wqy-microhei).", FontFile);
        }

        if (Width < 16 || Height < 16 || FontSize < 6)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), $"Sign '{Name}': canvas {Width}x{Height} with font size {FontSize} is too small.");
        }
    }
}
