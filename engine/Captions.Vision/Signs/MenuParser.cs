using System.Drawing;
using System.Text.RegularExpressions;

namespace Captions.Vision.Signs;

/// <summary>
/// Groups a menu's text lines into dishes and prices and puts them in the menu's order, so only dish names are
/// translated and prices, numbers and currency stay exactly as printed.
/// </summary>
/// <remarks>
/// Prices: a number with a currency sign before or after it ("€12,50", "12.50 €", "$9", "¥980", "980円", "￥38",
/// "38元", "£4.95", "CHF 7.–" is not one), or a plain number with two decimals ("12.50", "4,95"); a plain integer
/// only alone on its line or after dotted leaders ("Pasta ........ 12"). A price ends its own line ("Pasta 12.50",
/// "Pasta ........ 12.50", "ラーメン980円") or stands alone to the right of its dish on the same row: boxes that
/// overlap vertically by at least half the smaller height, the price starting right of the dish's end.
/// Order: top to bottom; when dishes form separate columns, column by column, with lines that span columns
/// (titles, footers) cutting the menu into bands read in turn.
/// </remarks>
public static partial class MenuParser
{
    private const string Number = @"\d{1,3}(?:[.,’]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";
    private const string Prefix = @"US\$|R\$|[€$£¥￥₩₹₽฿₺₫]|CHF|EUR|USD|GBP|JPY|CNY|RMB";
    private const string Suffix = @"[€$£¥￥₩₹₽฿₺₫]|円|元|块|圓|원|CHF|EUR|USD|GBP|zł|Kč|kr|Ft";
    private const string Price = $@"(?:(?:{Prefix})\s?(?:{Number})(?:\s?(?:{Suffix}))?|(?:{Number})\s?(?:{Suffix})|\d+[.,]\d{{2}})";
    private const string PriceOrInteger = $@"(?:{Price}|\d+)";
    private const string Leaders = @"(?:[.·…_・]\s*){2,}";

    /// <summary>Lines in any order; returns entries in the menu's order.</summary>
    public static IReadOnlyList<MenuEntry> Parse(IReadOnlyList<MenuLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parts = new List<Part>(lines.Count);
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (TryPriceOnly(text, out var alone))
            {
                parts.Add(new Part(line, Name: "", Price: alone, IsPriceOnly: true));
            }
            else if (TrySplitPrice(text, out var name, out var price))
            {
                parts.Add(new Part(line, name, price, IsPriceOnly: false));
            }
            else
            {
                parts.Add(new Part(line, StripLeaders(text), Price: null, IsPriceOnly: false));
            }
        }

        var entries = PairPrices(parts);
        return Order(entries);
    }

    /// <summary>Splits "Pasta ........ 12.50" into "Pasta" and "12.50"; false when the line does not end with a price.</summary>
    public static bool TrySplitPrice(string text, out string name, out string price)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = LeaderLineRegex().Match(text.Trim());
        if (!match.Success)
        {
            match = PricedLineRegex().Match(text.Trim());
        }

        if (match.Success)
        {
            name = TrimName(match.Groups["name"].Value);
            price = match.Groups["price"].Value;
            if (name.Length > 0)
            {
                return true;
            }
        }

        name = text;
        price = "";
        return false;
    }

    /// <summary>Whether the whole text is one price (a plain integer counts: a price column).</summary>
    public static bool IsPrice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryPriceOnly(text.Trim(), out _);
    }

    /// <summary>
    /// A line that is one price, possibly after the tail of its dotted leaders: the detector often cuts a leader row
    /// between the dish and the price, leaving "..14,50€" or ". 6,00 €" as its own line, and the recogniser may read
    /// the last dots as other punctuation ("‚ 5,80 €"). The price is what follows that punctuation.
    /// </summary>
    private static bool TryPriceOnly(string text, out string price)
    {
        price = LeadingLeadersRegex().Replace(text, "");
        return PriceOnlyRegex().IsMatch(price);
    }

    private static List<Draft> PairPrices(List<Part> parts)
    {
        var names = parts.Where(p => !p.IsPriceOnly).ToList();
        var prices = new Dictionary<Part, List<Part>>();
        var drafts = new List<Draft>();
        foreach (var price in parts.Where(p => p.IsPriceOnly))
        {
            var pb = price.Line.Box.Bounds;
            Part? best = null;
            foreach (var name in names.Where(n => n.Price is null))
            {
                var nb = name.Line.Box.Bounds;
                var overlap = MathF.Min(nb.Bottom, pb.Bottom) - MathF.Max(nb.Top, pb.Top);
                var sameRow = overlap >= 0.5f * MathF.Min(nb.Height, pb.Height) || OnExtendedLine(name.Line.Box, price.Line.Box);
                if (sameRow && nb.Right <= pb.Left + (0.5f * pb.Height)
                    && (best is null || nb.Right > best.Line.Box.Bounds.Right))
                {
                    best = name;
                }
            }

            if (best is null)
            {
                drafts.Add(new Draft(new MenuEntry(price.Line.Id, "", price.Price, price.Line.Box, price.Line.Id, 0), pb));
                continue;
            }

            if (!prices.TryGetValue(best, out var list))
            {
                prices[best] = list = [];
            }

            list.Add(price);
        }

        foreach (var name in names)
        {
            var extent = name.Line.Box.Bounds;
            if (prices.TryGetValue(name, out var found))
            {
                // Several prices on a dish's row (sizes: "3.50  4.50"): all of them, left to right, as printed.
                found.Sort((a, b) => a.Line.Box.Bounds.Left.CompareTo(b.Line.Box.Bounds.Left));
                foreach (var p in found)
                {
                    extent = RectangleF.Union(extent, p.Line.Box.Bounds);
                }

                var price = string.Join("  ", found.Select(p => p.Price));
                drafts.Add(new Draft(new MenuEntry(name.Line.Id, name.Name, price, name.Line.Box, found[0].Line.Id, 0), extent));
            }
            else
            {
                drafts.Add(new Draft(new MenuEntry(name.Line.Id, name.Name, name.Price, name.Line.Box, null, 0), extent));
            }
        }

        return drafts;
    }

    /// <summary>
    /// Whether the price's centre lies within half a line height of the dish line's centre line carried on to the
    /// right: on a tilted menu a far-right price sits lower (or higher) than its dish by the tilt times the gap, so
    /// its upright box may overlap the dish's by less than half even on the same printed row (2 degrees over 400 px of
    /// leaders is 14 px, half a line).
    /// </summary>
    private static bool OnExtendedLine(Geometry.Quad dish, Geometry.Quad price)
    {
        var left = (dish.TopLeft + dish.BottomLeft) / 2f;
        var right = (dish.TopRight + dish.BottomRight) / 2f;
        var run = right.X - left.X;
        if (run <= 0)
        {
            return false;
        }

        var centre = price.Center;
        var lineY = left.Y + ((centre.X - left.X) * (right.Y - left.Y) / run);
        return MathF.Abs(centre.Y - lineY) <= 0.5f * MathF.Min(dish.Height, price.Height);
    }

    private static IReadOnlyList<MenuEntry> Order(List<Draft> drafts)
    {
        var columns = Columns(drafts.Where(d => d.Entry.IsItem).Select(d => d.Extent));
        var ordered = new List<Draft>(drafts.Count);
        if (columns.Count < 2)
        {
            ordered.AddRange(TopToBottom(drafts));
        }
        else
        {
            // Titles and footers: lines across two columns, or in no column at all (a centred heading over the gap).
            var spanning = TopToBottom(drafts.Where(d => columns.Count(c => Overlaps(c, d.Extent)) is 0 or >= 2)).ToList();
            var rest = drafts.Except(spanning).ToList();
            for (var band = 0; band <= spanning.Count; band++)
            {
                if (band > 0)
                {
                    ordered.Add(spanning[band - 1]);
                }

                var top = band == 0 ? float.NegativeInfinity : Middle(spanning[band - 1].Extent);
                var bottom = band == spanning.Count ? float.PositiveInfinity : Middle(spanning[band].Extent);
                var inBand = rest.Where(d => Middle(d.Extent) > top && Middle(d.Extent) <= bottom).ToList();
                foreach (var column in columns)
                {
                    ordered.AddRange(TopToBottom(inBand.Where(d => Nearest(columns, d.Extent) == column)));
                }
            }
        }

        return [.. ordered.Select((d, i) => d.Entry with { Order = i })];
    }

    private static List<(float Left, float Right)> Columns(IEnumerable<RectangleF> extents)
    {
        var columns = new List<(float Left, float Right)>();
        foreach (var e in extents.OrderBy(e => e.Left))
        {
            if (columns.Count > 0 && e.Left <= columns[^1].Right)
            {
                columns[^1] = (columns[^1].Left, MathF.Max(columns[^1].Right, e.Right));
            }
            else
            {
                columns.Add((e.Left, e.Right));
            }
        }

        return columns;
    }

    private static bool Overlaps((float Left, float Right) column, RectangleF r) => r.Left < column.Right && r.Right > column.Left;

    private static (float Left, float Right) Nearest(List<(float Left, float Right)> columns, RectangleF r)
    {
        var x = r.Left + (r.Width / 2);
        return columns.MinBy(c => x < c.Left ? c.Left - x : x > c.Right ? x - c.Right : 0f);
    }

    private static float Middle(RectangleF r) => r.Top + (r.Height / 2);

    private static IEnumerable<Draft> TopToBottom(IEnumerable<Draft> drafts) =>
        drafts.OrderBy(d => Middle(d.Extent)).ThenBy(d => d.Extent.Left);

    private static string StripLeaders(string text) => TrimName(TrailingLeadersRegex().Replace(text, ""));

    private static string TrimName(string name) => name.Trim().TrimEnd(':', '-', '–', '—', '.', '·', '…', '_', '・', ' ').Trim();

    [GeneratedRegex($@"^(?<name>.*?\S)\s*{Leaders}(?<price>{PriceOrInteger})\s*$")]
    private static partial Regex LeaderLineRegex();

    [GeneratedRegex($@"^(?<name>.*?\S)\s*(?<![\d.,])(?<price>{Price})\s*$")]
    private static partial Regex PricedLineRegex();

    [GeneratedRegex($@"^{PriceOrInteger}$")]
    private static partial Regex PriceOnlyRegex();

    [GeneratedRegex(@"^(?:\p{P}\s*)+")]
    private static partial Regex LeadingLeadersRegex();

    [GeneratedRegex($@"\s*{Leaders}$")]
    private static partial Regex TrailingLeadersRegex();

    private sealed record Part(MenuLine Line, string Name, string? Price, bool IsPriceOnly);

    private sealed record Draft(MenuEntry Entry, RectangleF Extent);
}
