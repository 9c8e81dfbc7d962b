using System.Globalization;

namespace Captions.TestKit.Vision;

/// <summary>
/// Renders a <see cref="MenuSpec"/> with ffmpeg drawtext: title centred, names at the left margin, prices flush right,
/// a dotted leader drawn first and hidden under names and prices by a background-coloured box. Cached like
/// <see cref="SignImageRenderer"/>.
/// </summary>
public static class MenuImageRenderer
{
    public static RenderedMenu Render(MenuSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var font = spec.ResolvedFontFile;
        var pieces = new List<TextPiece>
        {
            new(spec.Title, font, spec.TitleSize, spec.Foreground, "(w-text_w)/2", Invariant($"{spec.Margin}")),
        };
        var names = new List<TextPiece>();
        var prices = new List<TextPiece>();
        for (var i = 0; i < spec.Items.Count; i++)
        {
            var y = spec.ItemsTop + (i * spec.Pitch);
            if (spec.DottedLeader)
            {
                // ". " is about 0.64 em in DejaVu Sans; 0.7 em a pair keeps the run inside the margins. The dots' top
                // sits about 0.58 em under the name's top so they share its baseline.
                var pairs = (int)((spec.Width - (2 * spec.Margin)) / (spec.FontSize * 0.7));
                var leader = string.Concat(Enumerable.Repeat(". ", pairs)).TrimEnd();
                pieces.Add(new TextPiece(leader, SyntheticFonts.DejaVuSans, spec.FontSize, spec.Foreground, Invariant($"{spec.Margin}"),
                    Invariant($"{y + (int)(spec.FontSize * 0.58)}")) { Measured = false });
            }

            names.Add(new TextPiece(spec.Items[i].Name, font, spec.FontSize, spec.Foreground, Invariant($"{spec.Margin}"), Invariant($"{y}")) { BoxColour = spec.Background });
            prices.Add(new TextPiece(spec.Items[i].Price, font, spec.FontSize, spec.Foreground, Invariant($"w-text_w-{spec.Margin}"), Invariant($"{y}")) { BoxColour = spec.Background });
        }

        // Leaders first, then names and prices over them; measured pieces come back in this order: title, names, prices.
        var ordered = pieces.Where(p => !p.Measured).Concat(pieces.Where(p => p.Measured)).Concat(names).Concat(prices).ToList();
        var (png, boxes) = TextCanvas.Render("menu", spec.Canonical(), spec.Width, spec.ResolvedHeight, spec.Background, ordered,
            new TextEffects(spec.RotationDegrees, spec.Blur, spec.Noise, spec.Perspective));
        var count = spec.Items.Count;
        return new RenderedMenu(spec, png, boxes[0], boxes.Skip(1).Take(count).ToList(), boxes.Skip(1 + count).Take(count).ToList());
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
