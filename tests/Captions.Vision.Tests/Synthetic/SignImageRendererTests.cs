using Captions.TestKit.Vision;

namespace Captions.Vision.Tests.Synthetic;

public sealed class SignImageRendererTests
{
    private const uint Background = 0x1E5AA8;

    [Fact]
    public void Render_CleanSign_FrameHasCanvasSizeAndOneBoxPerLine()
    {
        var rendered = SignImageRenderer.Render(SyntheticSignCorpus.Sign("en-noparking-2line"));

        var frame = rendered.LoadFrame();

        frame.Width.Should().Be(640);
        frame.Height.Should().Be(260);
        rendered.LineBoxes.Should().HaveCount(2);
        rendered.ExpectedText.Should().Be("NO PARKING\nAT ANY TIME");
        rendered.LineBoxes[0].Bounds.Bottom.Should().BeLessThan(rendered.LineBoxes[1].Bounds.Top, "lines are drawn top to bottom without touching");
    }

    [Fact]
    public void Render_CleanSign_InkOnlyInsideLineBoxesAndEveryBoxInked()
    {
        var spec = new SignSpec { Name = "ink", Lines = ["Ink: 100% inside", "ñ é ß ü"], Background = Background };
        var rendered = SignImageRenderer.Render(spec);
        var frame = rendered.LoadFrame();

        var ink = PixelProbe.Ink(frame, Background, tolerance: 60).ToList();

        ink.Should().NotBeEmpty();
        ink.Should().OnlyContain(p => rendered.LineBoxes.Any(box => PixelProbe.InQuad(box, p.X + 0.5f, p.Y + 0.5f, 1.5f)),
            "nothing is drawn outside the measured line boxes");
        foreach (var box in rendered.LineBoxes)
        {
            ink.Count(p => PixelProbe.InQuad(box, p.X + 0.5f, p.Y + 0.5f, 0f)).Should().BeGreaterThan(200, "each line leaves ink in its own box");
            box.Width.Should().BeGreaterThan(spec.FontSize * 3, "'%' and ':' are drawn, not swallowed by drawtext escaping");
        }
    }

    [Theory]
    [InlineData("en-wetfloor-rot6")]
    [InlineData("ja-toire-katakana-rot-5")]
    [InlineData("en-station-persp")]
    [InlineData("fr-bibliotheque-serif-persp")]
    [InlineData("zh-slippery-persp-noise")]
    public void Render_WarpedSign_LineBoxesFollowTheInk(string name)
    {
        var spec = SyntheticSignCorpus.Sign(name);
        var rendered = SignImageRenderer.Render(spec);
        var frame = rendered.LoadFrame();

        // Noise moves background pixels by up to its strength; 120 of 765 separates text from noisy background.
        var ink = PixelProbe.Ink(frame, spec.Background, tolerance: 120).ToList();
        var inside = ink.Count(p => rendered.LineBoxes.Any(box => PixelProbe.InQuad(box, p.X + 0.5f, p.Y + 0.5f, 2.5f)));

        ink.Should().HaveCountGreaterThan(500);
        inside.Should().BeGreaterThanOrEqualTo((int)(ink.Count * 0.995), "the warped quads carry the text with the warp");
    }

    [Fact]
    public void Render_RotatedClockwise_RightEndOfLineIsLower()
    {
        var rendered = SignImageRenderer.Render(SyntheticSignCorpus.Sign("en-wetfloor-rot6"));

        var box = rendered.LineBoxes[0];

        box.TopRight.Y.Should().BeGreaterThan(box.TopLeft.Y + 10);
    }

    [Fact]
    public void Render_SameSpecTwice_ByteIdentical()
    {
        // A spec of its own: deleting its cached file cannot disturb other tests.
        var spec = new SignSpec
        {
            Name = "determinism", Lines = ["Determinism check", "Señal número 2"], RotationDegrees = 4, Blur = 1.1, Noise = 18,
            Perspective = SignPerspective.RecedingRight(20),
        };
        var first = SignImageRenderer.Render(spec);
        var firstBytes = File.ReadAllBytes(first.PngPath);
        File.Delete(first.PngPath);

        var second = SignImageRenderer.Render(spec);

        File.ReadAllBytes(second.PngPath).Should().Equal(firstBytes);
        second.LineBoxes.Should().Equal(first.LineBoxes);
    }

    [Fact]
    public void Render_DifferentNoise_DifferentPng()
    {
        var spec = SyntheticSignCorpus.Sign("en-keepleft-noise");

        var noisy = SignImageRenderer.Render(spec);
        var clean = SignImageRenderer.Render(spec with { Noise = 0 });

        noisy.PngPath.Should().NotBe(clean.PngPath);
        File.ReadAllBytes(noisy.PngPath).Should().NotEqual(File.ReadAllBytes(clean.PngPath));
    }

    [Fact]
    public void Render_MissingFont_ThrowsNamingSignAndFont()
    {
        var spec = new SignSpec { Name = "nofont", Lines = ["x"], FontFile = "/nonexistent/font.ttf" };

        var act = () => SignImageRenderer.Render(spec);

        act.Should().Throw<FileNotFoundException>().WithMessage("*nofont*/nonexistent/font.ttf*");
    }

    [Fact]
    public void Render_EmptyLine_ThrowsArgumentException()
    {
        var act = () => SignImageRenderer.Render(new SignSpec { Name = "blank", Lines = ["ok", " "] });

        act.Should().Throw<ArgumentException>().WithMessage("*blank*");
    }
}
