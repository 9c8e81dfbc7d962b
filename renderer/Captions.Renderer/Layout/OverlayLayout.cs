using Captions.Renderer.Drawing;
using Captions.Renderer.Scene;
using Captions.Renderer.Text;

namespace Captions.Renderer.Layout;

/// <summary>
/// Draws sign/menu overlays as labelled panels at the vision stage's boxes: a small label row, then up to
/// <see cref="CaptionStyle.OverlayMaxLines"/> rows of the translation (or the source when there is none). The panel is
/// at least <see cref="CaptionStyle.OverlayMinWidthFraction"/> of the eye wide (a sign is often narrower than its
/// translation), at least as tall as its text, filled only when the style gives it a colour, and moved (not shrunk)
/// to stay inside the eye.
/// Threading model: render thread only.
/// </summary>
public sealed class OverlayLayout
{
    private readonly ITextLayouter _layouter;
    private readonly CaptionStyle _style;
    private readonly TextBlock _label = new();
    private readonly TextBlock _text = new();
    private readonly Rgba32 _textColor;
    private readonly Rgba32 _labelColor;
    private int _eyeWidth;
    private int _eyeHeight;
    private int _textSize;
    private int _labelSize;

    public OverlayLayout(ITextLayouter layouter, CaptionStyle style)
    {
        ArgumentNullException.ThrowIfNull(layouter);
        ArgumentNullException.ThrowIfNull(style);
        style.Validate();
        _layouter = layouter;
        _style = style;
        _textColor = style.Adjust(style.OverlayTextColor);
        _labelColor = style.Adjust(style.OverlayLabelColor);
    }

    public void Configure(int eyeWidth, int eyeHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeHeight, 1);
        _eyeWidth = eyeWidth;
        _eyeHeight = eyeHeight;
        _textSize = Math.Max(6, (int)Math.Round(eyeHeight * _style.OverlayTextSizeFraction));
        _labelSize = Math.Max(6, (int)Math.Round(eyeHeight * _style.OverlayLabelSizeFraction));
    }

    /// <summary>Adds one panel per overlay in <paramref name="scene"/>.</summary>
    public void Build(CaptionScene scene, DrawList quads)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(quads);
        foreach (ref readonly var overlay in scene.Overlays)
        {
            BuildOne(overlay, quads);
        }
    }

    private void BuildOne(in SignOverlay overlay, DrawList quads)
    {
        var pad = _style.OverlayPaddingPixels;
        var minWidth = (int)Math.Round(_eyeWidth * _style.OverlayMinWidthFraction);
        var width = Math.Clamp(Math.Max(overlay.Width, minWidth), Math.Min(_eyeWidth, (2 * pad) + 1), _eyeWidth);
        var inner = Math.Max(1, width - (2 * pad));

        var hasLabel = !string.IsNullOrEmpty(overlay.Label);
        if (hasLabel)
        {
            _layouter.Layout(overlay.Label, _labelSize, inner, _label);
        }
        else
        {
            _label.Clear();
        }

        _layouter.Layout(overlay.Translation ?? overlay.Source, _textSize, inner, _text);
        var labelRows = Math.Min(_label.LineCount, 1);
        var textRows = Math.Min(_text.LineCount, _style.OverlayMaxLines);
        var content = (labelRows * _label.LineHeight) + (textRows * _text.LineHeight);
        var height = Math.Min(Math.Max(overlay.Height, content + (2 * pad)), _eyeHeight);
        var x = Math.Clamp(overlay.X, 0, _eyeWidth - width);
        var y = Math.Clamp(overlay.Y, 0, _eyeHeight - height);

        if (_style.OverlayPanelColor.A > 0)
        {
            quads.Add(DrawQuad.Solid(x, y, width, height, _style.OverlayPanelColor));
        }

        var top = y + pad;
        if (labelRows > 0)
        {
            EmitRow(_label, _label[0], x + pad, inner, top + _label.Ascent, _labelColor, quads);
            top += _label.LineHeight;
        }

        for (var r = 0; r < textRows; r++)
        {
            EmitRow(_text, _text[r], x + pad, inner, top + _text.Ascent, _textColor, quads);
            top += _text.LineHeight;
        }
    }

    private static void EmitRow(TextBlock block, in TextLine row, int left, int inner, int baseline, Rgba32 color, DrawList quads)
    {
        var x = row.IsRightToLeft ? left + inner - row.Width : left;
        foreach (ref readonly var glyph in block.GlyphsOf(row))
        {
            quads.Add(DrawQuad.Glyph(x + glyph.X, baseline + glyph.Y, glyph.Width, glyph.Height, glyph.AtlasX, glyph.AtlasY, color));
        }
    }
}
