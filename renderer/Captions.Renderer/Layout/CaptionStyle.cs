using Captions.Renderer.Drawing;

namespace Captions.Renderer.Layout;

/// <summary>
/// How captions look and behave. Defaults follow broadcast practice (BBC/EBU subtitle guidelines): at most 2 lines
/// of about 42 characters, reading speed ~17 characters a second with 1.5 s minimum and 7 s maximum display, in the
/// bottom third. Sizes are fractions of the eye height so one style fits every display: at 1080 px the translation is
/// 49 px per em and the source 35 px.
/// </summary>
public sealed record CaptionStyle
{
    public static CaptionStyle Default { get; } = new();

    /// <summary>Rows of translation on screen; a new row beyond this rolls the oldest out.</summary>
    public int MaxLines { get; init; } = 2;

    /// <summary>Line width in characters of the font's average advance (measured on an English pangram).</summary>
    public int CharactersPerLine { get; init; } = 42;

    /// <summary>When set, the line width as a fraction of the eye width instead of <see cref="CharactersPerLine"/>.</summary>
    public double? LineWidthFraction { get; init; }

    /// <summary>Translation font size (pixels per em) as a fraction of the eye height.</summary>
    public double TextSizeFraction { get; init; } = 0.045;

    /// <summary>Source font size as a fraction of the eye height (smaller than the translation).</summary>
    public double SourceSizeFraction { get; init; } = 0.032;

    /// <summary>Show the source text, smaller, above the translation (only when a translation exists).</summary>
    public bool ShowSource { get; init; } = true;

    /// <summary>
    /// Whether a translator runs. Then a line whose translation has not arrived yet shows only as the source line
    /// (its rows in the box stay empty), so the box never flips from source words to translated ones. Null: inferred
    /// from the scene (some line carries a translation or is marked untranslated); the CLI sets it from --to.
    /// </summary>
    public bool? ExpectTranslation { get; init; }

    /// <summary>Rows of source text shown (its newest rows).</summary>
    public int SourceMaxLines { get; init; } = 1;

    public Rgba32 CommittedColor { get; init; } = Rgba32.White;

    /// <summary>Tentative (partial) text: 60% grey, visibly dimmer than committed white.</summary>
    public Rgba32 PartialColor { get; init; } = new(153, 153, 153, 255);

    public Rgba32 SourceColor { get; init; } = new(200, 200, 200, 255);

    public Rgba32 SourcePartialColor { get; init; } = new(120, 120, 120, 255);

    /// <summary>Source text shown because translation failed: amber, so it is not mistaken for a translation.</summary>
    public Rgba32 UntranslatedColor { get; init; } = new(255, 190, 60, 255);

    /// <summary>Scale of every text colour, 0..1 (micro-OLEDs are bright; 1 = as configured).</summary>
    public double Brightness { get; init; } = 1.0;

    /// <summary>Contrast around mid grey, 0.25..4 (1 = as configured; above 1 separates partial from committed more).</summary>
    public double Contrast { get; init; } = 1.0;

    public TextEffect Effect { get; init; } = TextEffect.None;

    public Rgba32 EffectColor { get; init; } = Rgba32.Black;

    public int EffectWidthPixels { get; init; } = 2;

    /// <summary>Distance from the eye's bottom edge to the bottom of the caption box, as a fraction of the eye height.</summary>
    public double BottomMarginFraction { get; init; } = 0.08;

    /// <summary>Minimum distance from the eye's side edges, as a fraction of the eye width.</summary>
    public double SideMarginFraction { get; init; } = 0.05;

    /// <summary>Fill behind the caption box (transparent by default: black is invisible on additive displays anyway).</summary>
    public Rgba32 BoxColor { get; init; } = Rgba32.Transparent;

    public double CharactersPerSecond { get; init; } = 17;

    public TimeSpan MinDisplay { get; init; } = TimeSpan.FromSeconds(1.5);

    public TimeSpan MaxDisplay { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>How long captions stay after speech ends (never shorter than their reading time).</summary>
    public TimeSpan SpeechEndHold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Roll-up animation: one row's move takes this long (whole-pixel steps each frame).</summary>
    public TimeSpan RollUpDuration { get; init; } = TimeSpan.FromMilliseconds(250);

    public double OverlayTextSizeFraction { get; init; } = 0.03;

    public double OverlayLabelSizeFraction { get; init; } = 0.022;

    /// <summary>Panel fill behind a sign overlay (transparent by default; e.g. (0,0,0,160) over video).</summary>
    public Rgba32 OverlayPanelColor { get; init; } = Rgba32.Transparent;

    public Rgba32 OverlayTextColor { get; init; } = Rgba32.White;

    public Rgba32 OverlayLabelColor { get; init; } = new(140, 200, 255, 255);

    /// <summary>Narrowest overlay panel, as a fraction of the eye width (signs are often smaller than their text).</summary>
    public double OverlayMinWidthFraction { get; init; } = 0.15;

    public int OverlayMaxLines { get; init; } = 3;

    public int OverlayPaddingPixels { get; init; } = 8;

    /// <exception cref="ArgumentException">A setting is out of its documented range.</exception>
    public void Validate()
    {
        Check(MaxLines is >= 1 and <= 8, nameof(MaxLines), MaxLines, "1..8 rows");
        Check(CharactersPerLine is >= 8 and <= 200, nameof(CharactersPerLine), CharactersPerLine, "8..200 characters");
        Check(LineWidthFraction is null or (> 0.05 and <= 1), nameof(LineWidthFraction), LineWidthFraction, "0.05..1 of the eye width");
        Check(TextSizeFraction is > 0.005 and <= 0.5, nameof(TextSizeFraction), TextSizeFraction, "0.005..0.5 of the eye height");
        Check(SourceSizeFraction is > 0.005 and <= 0.5, nameof(SourceSizeFraction), SourceSizeFraction, "0.005..0.5 of the eye height");
        Check(SourceMaxLines is >= 1 and <= 4, nameof(SourceMaxLines), SourceMaxLines, "1..4 rows");
        Check(Brightness is >= 0 and <= 1, nameof(Brightness), Brightness, "0..1");
        Check(Contrast is >= 0.25 and <= 4, nameof(Contrast), Contrast, "0.25..4");
        Check(EffectWidthPixels is >= 1 and <= 16, nameof(EffectWidthPixels), EffectWidthPixels, "1..16 pixels");
        Check(BottomMarginFraction is >= 0 and < 0.9, nameof(BottomMarginFraction), BottomMarginFraction, "0..0.9 of the eye height");
        Check(SideMarginFraction is >= 0 and < 0.4, nameof(SideMarginFraction), SideMarginFraction, "0..0.4 of the eye width");
        Check(CharactersPerSecond is > 1 and <= 100, nameof(CharactersPerSecond), CharactersPerSecond, "1..100 characters a second");
        Check(MinDisplay >= TimeSpan.Zero && MinDisplay <= MaxDisplay, nameof(MinDisplay), MinDisplay, "0..MaxDisplay");
        Check(SpeechEndHold >= TimeSpan.Zero, nameof(SpeechEndHold), SpeechEndHold, "zero or more");
        Check(RollUpDuration >= TimeSpan.Zero && RollUpDuration <= TimeSpan.FromSeconds(2), nameof(RollUpDuration), RollUpDuration, "0..2 s");
        Check(OverlayTextSizeFraction is > 0.005 and <= 0.5, nameof(OverlayTextSizeFraction), OverlayTextSizeFraction, "0.005..0.5 of the eye height");
        Check(OverlayLabelSizeFraction is > 0.005 and <= 0.5, nameof(OverlayLabelSizeFraction), OverlayLabelSizeFraction, "0.005..0.5 of the eye height");
        Check(OverlayMinWidthFraction is >= 0 and <= 1, nameof(OverlayMinWidthFraction), OverlayMinWidthFraction, "0..1 of the eye width");
        Check(OverlayMaxLines is >= 1 and <= 8, nameof(OverlayMaxLines), OverlayMaxLines, "1..8 rows");
        Check(OverlayPaddingPixels is >= 0 and <= 64, nameof(OverlayPaddingPixels), OverlayPaddingPixels, "0..64 pixels");
    }

    /// <summary>Applies <see cref="Contrast"/> (around mid grey) then <see cref="Brightness"/> to a text colour.</summary>
    public Rgba32 Adjust(Rgba32 color) => new(AdjustChannel(color.R), AdjustChannel(color.G), AdjustChannel(color.B), color.A);

    private byte AdjustChannel(byte value)
    {
        var v = 0.5 + ((value / 255.0) - 0.5) * Contrast;
        v = Math.Clamp(v, 0, 1) * Brightness;
        return (byte)Math.Round(v * 255, MidpointRounding.AwayFromZero);
    }

    private static void Check(bool valid, string name, object? value, string range)
    {
        if (!valid)
        {
            throw new ArgumentException($"Caption style {name} = {value} is out of range: expected {range}.", name);
        }
    }
}
