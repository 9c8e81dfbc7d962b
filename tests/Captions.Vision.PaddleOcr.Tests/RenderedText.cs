using System.Diagnostics;
using Captions.Vision.Imaging;

namespace Captions.Vision.PaddleOcr.Tests;

/// <summary>
/// Text rendered by ffmpeg's drawtext (FreeType) onto a plain background, decoded to RGB: inputs whose exact text is
/// known. The text goes through a file (drawtext's textfile) so no filter escaping is involved.
/// </summary>
internal static class RenderedText
{
    public const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string DejaVuSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    public const string LiberationSansBold = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf";
    public const string WqyMicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>Renders <paramref name="text"/> (may hold several lines) black on white at (x, y).</summary>
    public static ImageFrame Render(string text, string font, int fontSize, int width, int height, int x = 10, int y = 10, int lineSpacing = 0)
    {
        string textFile = Path.Combine(Path.GetTempPath(), $"ppocr-text-{Guid.NewGuid():N}.txt");
        File.WriteAllText(textFile, text);
        try
        {
            string filter = $"drawtext=fontfile={font}:textfile={textFile}:fontsize={fontSize}:fontcolor=black:x={x}:y={y}:line_spacing={lineSpacing}";
            byte[] pixels = Ffmpeg(
                ["-v", "error", "-f", "lavfi", "-i", $"color=white:s={width}x{height}", "-vf", filter, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
            if (pixels.Length != width * height * 3)
            {
                throw new InvalidDataException($"ffmpeg rendered {pixels.Length} bytes for {width}x{height} RGB.");
            }

            return new ImageFrame(pixels, width, height, width * 3) { Origin = $"rendered '{text}'" };
        }
        finally
        {
            File.Delete(textFile);
        }
    }

    /// <summary>A plain white frame.</summary>
    public static ImageFrame White(int width, int height)
    {
        var frame = ImageFrame.Create(width, height);
        frame.Pixels.AsSpan().Fill(255);
        return frame;
    }

    private static byte[] Ffmpeg(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidDataException($"ffmpeg exited {process.ExitCode}: {errors.GetAwaiter().GetResult()}");
        }

        return output.ToArray();
    }
}
