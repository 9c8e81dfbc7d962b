using System.Text;

namespace Captions.Engine.Output;

internal static class SubtitleFile
{
    /// <summary>UTF-8 without a byte order mark: WebVTT allows one, but many SRT tools show it as a stray character.</summary>
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates (or truncates) <paramref name="path"/> for writing; other processes may read it while it grows.</summary>
    public static StreamWriter Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 4096, FileOptions.Asynchronous);
        return new StreamWriter(stream, Utf8NoBom);
    }

    /// <summary>The non-empty lines of a cue, source first, translation below.</summary>
    public static IEnumerable<string> CueLines(CaptionCue cue) =>
        cue.Lines.Concat(cue.TranslationLines).Where(l => !string.IsNullOrWhiteSpace(l));
}
