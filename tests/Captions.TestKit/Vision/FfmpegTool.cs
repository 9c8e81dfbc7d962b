using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Captions.TestKit.Vision;

/// <summary>
/// Runs the ffmpeg and ffprobe CLIs for the synthetic renderers and keeps their outputs in a cache directory keyed by
/// a hash of everything that decides the output, so a corpus renders once per machine, not once per test.
/// </summary>
internal static class FfmpegTool
{
    /// <summary>Bump when the way a spec becomes pixels changes, so stale cached renders are not reused.</summary>
    internal const string RendererVersion = "synth-5";

    /// <summary>Flags that keep encoders from writing anything run-dependent (versions, timestamps).</summary>
    internal static readonly string[] s_bitExact = ["-fflags", "+bitexact", "-flags:v", "+bitexact"];

    internal static string CacheDirectory
    {
        get
        {
            var directory = Path.Combine(Path.GetTempPath(), "captions-synthetic", RendererVersion);
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    internal static string Hash(string canonical)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(RendererVersion + "\n" + canonical));
        return Convert.ToHexString(digest, 0, 12).ToLowerInvariant();
    }

    /// <summary>A colour as ffmpeg reads it (0xRRGGBB).</summary>
    internal static string Colour(uint rgb) => "0x" + (rgb & 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture);

    internal static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a UTF-8 text file for drawtext's textfile= (no escaping of ':' quotes or non-ASCII needed) and returns
    /// its path in the form a filter graph accepts. The name is the content's hash, so it is stable across runs.
    /// </summary>
    internal static string TextFile(string text)
    {
        var path = Path.Combine(CacheDirectory, "text-" + Hash(text) + ".txt");
        if (!File.Exists(path))
        {
            WriteAtomically(path, temporary => File.WriteAllText(temporary, text, new UTF8Encoding(false)));
        }

        return EscapeFilterPath(path);
    }

    /// <summary>Escapes a path for a filter option value (single-quoted; the cache paths have no quotes).</summary>
    internal static string EscapeFilterPath(string path) => "'" + path.Replace("\\", "/", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal) + "'";

    /// <summary>Produces <paramref name="path"/> through a temporary file and a rename, so parallel tests never read half a file.</summary>
    internal static void WriteAtomically(string path, Action<string> write)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp" + Path.GetExtension(path);
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    internal static byte[] Run(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {errors.GetAwaiter().GetResult()}");
        }

        return output.ToArray();
    }

    /// <summary>Frame count, width, height and frame rate of a video's first stream (counted by decoding).</summary>
    internal static (int Frames, int Width, int Height, double FramesPerSecond) Probe(string path)
    {
        var text = Encoding.ASCII.GetString(Run("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=nb_read_frames,width,height,r_frame_rate", "-of", "default=noprint_wrappers=1", path]));
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var rate = values["r_frame_rate"].Split('/');
        return (int.Parse(values["nb_read_frames"], CultureInfo.InvariantCulture),
            int.Parse(values["width"], CultureInfo.InvariantCulture),
            int.Parse(values["height"], CultureInfo.InvariantCulture),
            double.Parse(rate[0], CultureInfo.InvariantCulture) / double.Parse(rate[1], CultureInfo.InvariantCulture));
    }
}
