using System.Text;

namespace Captions.Engine.Output;

/// <summary>Subtitle timestamps: <c>HH:MM:SS,mmm</c> (SRT) and <c>HH:MM:SS.mmm</c> (WebVTT); hours grow past 99.</summary>
internal static class SubtitleTime
{
    public static StringBuilder AppendTimestamp(StringBuilder builder, long milliseconds, char fractionSeparator)
    {
        long hours = milliseconds / 3_600_000;
        int minutes = (int)(milliseconds / 60_000 % 60);
        int seconds = (int)(milliseconds / 1000 % 60);
        int millis = (int)(milliseconds % 1000);
        if (hours < 10)
        {
            builder.Append('0');
        }

        builder.Append(hours).Append(':');
        AppendTwoDigits(builder, minutes).Append(':');
        AppendTwoDigits(builder, seconds).Append(fractionSeparator);
        builder.Append((char)('0' + (millis / 100))).Append((char)('0' + (millis / 10 % 10))).Append((char)('0' + (millis % 10)));
        return builder;
    }

    private static StringBuilder AppendTwoDigits(StringBuilder builder, int value) =>
        builder.Append((char)('0' + (value / 10))).Append((char)('0' + (value % 10)));
}
