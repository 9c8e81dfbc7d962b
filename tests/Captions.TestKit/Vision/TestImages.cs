using System.Globalization;
using Captions.Vision.Imaging;

namespace Captions.TestKit.Vision;

/// <summary>
/// Test inputs for the vision tests: the real opencv-doc scene-text photos copied into Data/opencv-text (see its
/// README for what each says) and a decoder through the ffmpeg CLI, independent of the production decoder so tests
/// of that decoder have something to compare with.
/// </summary>
public static class TestImages
{
    /// <summary>Directory with scenetext01-06.jpg and scenetext_word01-04.jpg.</summary>
    public static string OpenCvTextDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "opencv-text");

    /// <summary>Ground truth of the six scene photos, lines separated by '\n' (reading order).</summary>
    public static IReadOnlyDictionary<string, string> SceneTextTruth { get; } = new Dictionary<string, string>
    {
        ["scenetext01.jpg"] = "NOTICE\nDOUBLE PARKING\nPROHIBITED\nAT ALL TIMES",
        ["scenetext02.jpg"] = "Sports Centre\nWivenhoe Park\nConference Centre\nCar Parks",
        ["scenetext03.jpg"] = "the copy centre",
        ["scenetext04.jpg"] = "GM 125",
        ["scenetext05.jpg"] = "NO PARKING",
        ["scenetext06.jpg"] = "priory galleries at the ship",
    };

    public static string OpenCvPhoto(string fileName) => Path.Combine(OpenCvTextDirectory, fileName);

    /// <summary>Decodes any image ffmpeg reads into an RGB frame (ffprobe for the size, ffmpeg for the pixels).</summary>
    public static ImageFrame DecodeWithFfmpeg(string path)
    {
        var size = FfmpegTool.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", path]);
        var parts = System.Text.Encoding.ASCII.GetString(size).Trim().Split('x');
        var width = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var height = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var pixels = FfmpegTool.Run("ffmpeg", ["-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
        if (pixels.Length != width * height * 3)
        {
            throw new InvalidDataException($"{path}: ffmpeg gave {pixels.Length} bytes for {width}x{height} RGB.");
        }

        return new ImageFrame(pixels, width, height, width * 3) { Origin = Path.GetFileName(path) };
    }
}
