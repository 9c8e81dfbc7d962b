using System.Globalization;

namespace Captions.TestKit.Vision;

/// <summary>
/// Renders a <see cref="SignSpec"/> to a PNG with ffmpeg drawtext at test time (no checked-in images): text goes through
/// a UTF-8 textfile, so ':' quotes and non-ASCII need no escaping. Outputs are cached in
/// <c>$TMPDIR/captions-synthetic/&lt;version&gt;/</c> under a hash of the spec, so the same spec is byte-identical
/// and rendered once per machine.
/// </summary>
public static class SignImageRenderer
{
    public static RenderedSign Render(SignSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var (png, boxes) = TextCanvas.Render("sign", spec.Canonical(), spec.Width, spec.Height, spec.Background, Pieces(spec),
            new TextEffects(spec.RotationDegrees, spec.Blur, spec.Noise, spec.Perspective));
        return new RenderedSign(spec, png, boxes);
    }

    private static List<TextPiece> Pieces(SignSpec spec)
    {
        // Line pitch 1.5 em leaves room for accents above capitals and descenders below, so lines never touch.
        var pitch = (int)Math.Round(spec.FontSize * 1.5);
        var margin = Math.Max(4, spec.FontSize / 2);
        var count = spec.Lines.Count;
        var pieces = new List<TextPiece>(count);
        for (var i = 0; i < count; i++)
        {
            var inset = (pitch - spec.FontSize) / 2;
            var (x, y) = spec.Position switch
            {
                SignTextPosition.TopLeft => (Invariant($"{margin}"), Invariant($"{margin + (i * pitch)}")),
                SignTextPosition.BottomRight => (Invariant($"w-text_w-{margin}"), Invariant($"h-{margin + ((count - i) * pitch) - inset}")),
                _ => ("(w-text_w)/2", Invariant($"(h-{count * pitch})/2+{(i * pitch) + inset}")),
            };
            pieces.Add(new TextPiece(spec.Lines[i], spec.FontFile, spec.FontSize, spec.Foreground, x, y));
        }

        return pieces;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
