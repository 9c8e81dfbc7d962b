using Captions.Renderer.Drawing;
using Captions.Renderer.Layout;
using Captions.Renderer.Scene;
using Captions.TestKit.Rendering;

namespace Captions.Renderer.Tests.Layout;

public sealed class OverlayLayoutTests
{
    private static readonly Rgba32 s_panel = new(0, 0, 0, 160);

    [Fact]
    public void Compose_SignOverlay_LabelledPanelAtItsBox()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { OverlayPanelColor = s_panel });
        h.Builder.SetOverlays([new SignOverlay("Ausgang", "Exit", "Sign", 600, 200, 400, 150)]);

        var quads = h.NextFrame();

        quads[0].Should().Be(DrawQuad.Solid(600, 200, 400, 150, s_panel));
        var label = quads.Skip(1).Take(4).ToArray();
        var text = quads.Skip(5).ToArray();
        label.Should().OnlyContain(q => q.Color == CaptionStyle.Default.OverlayLabelColor);
        text.Should().HaveCount("Exit".Length).And.OnlyContain(q => q.Color == Rgba32.White);
        label[0].X.Should().Be(600 + CaptionStyle.Default.OverlayPaddingPixels);
        text.Min(q => q.Y).Should().BeGreaterThan(label.Max(q => q.Y + q.Height) - 1, "the label heads the panel");
        quads.Skip(1).Should().OnlyContain(q => q.X >= 600 && q.X + q.Width <= 1000 && q.Y >= 200 && q.Y + q.Height <= 350);
    }

    [Fact]
    public void Compose_OverlayPanelTransparentByDefault_NoSolidQuad()
    {
        var h = new ComposerHarness();
        h.Builder.SetOverlays([new SignOverlay("Ausgang", null, null, 600, 200, 400, 150)]);

        var quads = h.NextFrame();

        quads.Should().HaveCount("Ausgang".Length).And.OnlyContain(q => q.Kind == QuadKind.Glyph);
    }

    [Fact]
    public void Compose_OverlayOutsideTheEye_ClampedInside()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { OverlayPanelColor = s_panel });
        h.Builder.SetOverlays([new SignOverlay("Menu", "Menu", "Menu", 1800, 1050, 400, 150), new SignOverlay("x", null, null, -300, -40, 400, 150)]);

        var quads = h.NextFrame();

        var panels = quads.Where(q => q.Kind == QuadKind.Solid).ToArray();
        panels.Should().Equal(DrawQuad.Solid(1920 - 400, 1080 - 150, 400, 150, s_panel), DrawQuad.Solid(0, 0, 400, 150, s_panel));
        quads.Should().OnlyContain(q => q.X >= 0 && q.Y >= 0 && q.X + q.Width <= 1920 && q.Y + q.Height <= 1080);
    }

    [Fact]
    public void Compose_TinySignBox_PanelWideEnoughForText()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { OverlayPanelColor = s_panel });
        h.Builder.SetOverlays([new SignOverlay("Ausfahrt", "Way out", null, 100, 100, 20, 10)]);

        var quads = h.NextFrame();

        var panel = quads[0];
        panel.Width.Should().Be((int)Math.Round(1920 * CaptionStyle.Default.OverlayMinWidthFraction));
        panel.Height.Should().BeGreaterThanOrEqualTo(MonospaceTextLayouter.LineHeight(32) + 16);
        quads.Skip(1).Should().HaveCount("Wayout".Length).And.OnlyContain(q => q.Y + q.Height <= panel.Y + panel.Height);
    }
}
