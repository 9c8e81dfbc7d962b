namespace Captions.TestKit.Vision;

/// <summary>
/// One drawtext call: the text, face, size, colour and position as ffmpeg expressions (w, h, text_w, text_h), an
/// optional background box (menus hide the dotted leader under names and prices with it), and whether its ink box is
/// measured and reported. expansion=none: a '%' in the text is drawn, not read as a drawtext function.
/// </summary>
internal sealed record TextPiece(string Text, string FontFile, int FontSize, uint Colour, string X, string Y)
{
    public uint? BoxColour { get; init; }

    public bool Measured { get; init; } = true;

    internal string Filter(uint colour, bool withBox, string? enable)
    {
        var filter = $"drawtext=fontfile={FfmpegTool.EscapeFilterPath(FontFile)}:textfile={FfmpegTool.TextFile(Text)}:fontsize={FontSize}:expansion=none" +
            $":fontcolor={FfmpegTool.Colour(colour)}:x={X}:y={Y}";
        if (withBox && BoxColour is { } box)
        {
            // A third of an em clear on each side: a crop padded by a quarter of the line height stays off the leader.
            filter += $":box=1:boxcolor={FfmpegTool.Colour(box)}:boxborderw={Math.Max(2, FontSize / 3)}";
        }

        if (enable is not null)
        {
            filter += $":enable='{enable}'";
        }

        return filter;
    }
}
