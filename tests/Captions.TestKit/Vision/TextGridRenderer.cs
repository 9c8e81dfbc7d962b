using System.Globalization;

namespace Captions.TestKit.Vision;

/// <summary>
/// Frames with exactly N separate text regions (a grid of short English words, dark on light, DejaVu Sans) for the
/// latency benchmark: 1, 10 and 50 regions at 720p and 1080p. Five columns (one for a single word), rows to fit;
/// the font fills 45% of a cell's height, at most 96 px.
/// </summary>
public static class TextGridRenderer
{
    /// <summary>50 distinct words of 3-7 letters: every region reads differently, so a tracker cannot merge two.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "EXIT", "Open", "Bank", "Hotel", "Taxi", "Police", "Bakery", "Museum", "Market", "Garden",
        "Bridge", "Tunnel", "Harbor", "Castle", "Church", "School", "Office", "Shop", "Cafe", "Bar",
        "Pizza", "Sushi", "Books", "Music", "Cinema", "Studio", "Gallery", "Library", "Station", "Airport",
        "North", "South", "East", "West", "Center", "Square", "Street", "Avenue", "Road", "Lane",
        "Push", "Pull", "Stop", "Wait", "Enter", "Closed", "Sale", "Rent", "Toilet", "Lift",
    ];

    public const int MaxRegions = 50;

    public static RenderedTextGrid Render(int width, int height, int regions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(regions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(regions, MaxRegions);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 320);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 240);
        var columns = regions == 1 ? 1 : 5;
        var rows = (regions + columns - 1) / columns;
        var cellWidth = width / columns;
        var cellHeight = height / rows;

        // Widest word is 7 letters, about 0.7 em each in DejaVu Sans: keep it inside its cell with a margin.
        var fontSize = Math.Min(96, Math.Min((int)(cellHeight * 0.45), (int)(cellWidth * 0.8 / (7 * 0.7))));
        var words = Words.Take(regions).ToList();
        var pieces = words.Select((word, i) => new TextPiece(word, SyntheticFonts.DejaVuSans, fontSize, 0x151515,
            Invariant($"{(i % columns) * cellWidth}+({cellWidth}-text_w)/2"),
            Invariant($"{(i / columns) * cellHeight}+{(cellHeight - fontSize) / 2}"))).ToList();
        var canonical = Invariant($"grid|{width}x{height}|{regions}|{fontSize}");
        var (png, boxes) = TextCanvas.Render("grid", canonical, width, height, 0xE8E8E0, pieces, default);
        return new RenderedTextGrid(width, height, words, png, boxes);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
