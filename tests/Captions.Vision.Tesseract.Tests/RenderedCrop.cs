using System.Diagnostics;
using Captions.TestKit.Vision;
using Captions.Vision.Imaging;

namespace Captions.Vision.Tesseract.Tests;

/// <summary>
/// Text lines rendered at test time with ffmpeg's drawtext (FreeType) into a temp directory, then cut tight round
/// the ink the way a detector's box would be (a few pixels of margin), so the recogniser's own padding is exercised.
/// </summary>
internal static class RenderedCrop
{
    public const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string DejaVuSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    public const string WqyMicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private const int Margin = 3;

    public static ImageFrame Render(string text, string fontFile, int fontSize, string foreground = "black", string background = "white")
    {
        string directory = Path.Combine(Path.GetTempPath(), "captions-tesseract-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // textfile= instead of text=: no escaping of ':' '\'' ',' inside the filter graph.
            string textFile = Path.Combine(directory, "text.txt");
            File.WriteAllText(textFile, text);
            string output = Path.Combine(directory, "line.png");
            int width = 200 + (text.Length * fontSize * 5 / 4);
            int height = fontSize * 3;
            Run("ffmpeg", [
                "-v", "error", "-y", "-f", "lavfi", "-i", $"color={background}:s={width}x{height}", "-frames:v", "1",
                "-vf", $"drawtext=fontfile={fontFile}:textfile={textFile}:fontsize={fontSize}:fontcolor={foreground}:x={fontSize}:y={fontSize}",
                output]);
            return Tight(TestImages.DecodeWithFfmpeg(output));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A plain frame of one colour (nothing to read).</summary>
    public static ImageFrame Blank(int width, int height, byte value)
    {
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, value);
        return new ImageFrame(pixels, width, height, width * 3);
    }

    // Cuts the frame to the pixels that differ from its top-left (background) colour, plus the margin.
    private static ImageFrame Tight(ImageFrame frame)
    {
        ReadOnlySpan<byte> corner = frame.Row(0)[..3];
        int left = frame.Width, right = -1, top = frame.Height, bottom = -1;
        for (int y = 0; y < frame.Height; y++)
        {
            ReadOnlySpan<byte> row = frame.Row(y);
            for (int x = 0; x < frame.Width; x++)
            {
                int difference = Math.Abs(row[x * 3] - corner[0]) + Math.Abs(row[(x * 3) + 1] - corner[1]) + Math.Abs(row[(x * 3) + 2] - corner[2]);
                if (difference > 60)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                }
            }
        }

        if (right < 0)
        {
            throw new InvalidOperationException("drawtext drew nothing");
        }

        left = Math.Max(0, left - Margin);
        top = Math.Max(0, top - Margin);
        right = Math.Min(frame.Width - 1, right + Margin);
        bottom = Math.Min(frame.Height - 1, bottom + Margin);
        int width = right - left + 1;
        int height = bottom - top + 1;
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            frame.Row(top + y).Slice(left * 3, width * 3).CopyTo(pixels.AsSpan(y * width * 3, width * 3));
        }

        return new ImageFrame(pixels, width, height, width * 3) { Origin = frame.Origin };
    }

    private static void Run(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {errors}");
        }
    }
}
