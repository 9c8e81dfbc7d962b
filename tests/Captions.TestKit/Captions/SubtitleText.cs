using System.Text;

namespace Captions.TestKit.Captions;

/// <summary>Shared checks of the subtitle parsers.</summary>
internal static class SubtitleText
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file as strict UTF-8; reports a byte order mark through <paramref name="hadBom"/>.</summary>
    public static string ReadUtf8(string path, out bool hadBom)
    {
        byte[] bytes = File.ReadAllBytes(path);
        hadBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            return s_strictUtf8.GetString(bytes, hadBom ? 3 : 0, bytes.Length - (hadBom ? 3 : 0));
        }
        catch (DecoderFallbackException e)
        {
            throw new SubtitleFormatException($"{path}: not valid UTF-8 ({e.Message})", e);
        }
    }

    /// <summary>Splits into lines; a final line terminator does not start another line.</summary>
    public static string[] SplitLines(string content, string format, bool allowCarriageReturnOnly)
    {
        string normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.Contains('\r', StringComparison.Ordinal))
        {
            if (!allowCarriageReturnOnly)
            {
                int line = normalized[..normalized.IndexOf('\r', StringComparison.Ordinal)].Count(c => c == '\n') + 1;
                throw new SubtitleFormatException(format, line, "a lone carriage return (CR without LF)");
            }

            normalized = normalized.Replace('\r', '\n');
        }

        if (normalized.Length == 0)
        {
            return [];
        }

        string[] lines = normalized.Split('\n');
        return normalized.EndsWith('\n') ? lines[..^1] : lines;
    }

    public static int Digit(char c) => c - '0';

    /// <summary>Parses "HH:MM:SS{sep}mmm" (hours 2+ digits, optional when <paramref name="hoursOptional"/>).</summary>
    public static TimeSpan? ParseTimestamp(string text, char separator, bool hoursOptional)
    {
        string[] parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || (parts.Length == 2 && !hoursOptional))
        {
            return null;
        }

        string hours = parts.Length == 3 ? parts[0] : "0";
        string minutes = parts[^2];
        string secondsAndMillis = parts[^1];
        if ((parts.Length == 3 && (hours.Length < 2 || !hours.All(char.IsAsciiDigit)))
            || minutes.Length != 2 || !minutes.All(char.IsAsciiDigit)
            || secondsAndMillis.Length != 6 || secondsAndMillis[2] != separator
            || !secondsAndMillis.Remove(2, 1).All(char.IsAsciiDigit))
        {
            return null;
        }

        int mm = int.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture);
        int ss = int.Parse(secondsAndMillis[..2], System.Globalization.CultureInfo.InvariantCulture);
        int ms = int.Parse(secondsAndMillis[3..], System.Globalization.CultureInfo.InvariantCulture);
        if (mm > 59 || ss > 59)
        {
            return null;
        }

        long hh = long.Parse(hours, System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds((((hh * 60) + mm) * 60 * 1000) + (ss * 1000) + ms);
    }
}
