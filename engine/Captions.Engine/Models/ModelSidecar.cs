using System.Globalization;

namespace Captions.Engine.Models;

/// <summary>
/// The <c>ggml-NAME.bin.sha256</c> file written beside a model once its bytes were checked: the SHA-256 in
/// <c>sha256sum</c> format (so <c>sha256sum -c</c> works), so <c>verify</c> can re-check a file later even when no
/// SHA-256 was ever published for it. It records what we downloaded, not what the publisher signed.
/// </summary>
public static class ModelSidecar
{
    public const string Extension = ".sha256";

    public static string PathFor(string modelPath) => modelPath + Extension;

    /// <summary>The recorded SHA-256 (lowercase hex), or null when there is no readable sidecar.</summary>
    public static string? Read(string modelPath)
    {
        var path = PathFor(modelPath);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        var hash = text.Split(' ', 2)[0];
        return hash.Length == 64 && hash.All(char.IsAsciiHexDigit) ? hash.ToLowerInvariant() : null;
    }

    /// <summary>Writes the sidecar through a temporary file and a rename, so a crash never leaves half a hash.</summary>
    public static void Write(string modelPath, string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var path = PathFor(modelPath);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{sha256}  {Path.GetFileName(modelPath)}\n"));
        File.Move(temporary, path, overwrite: true);
    }
}
