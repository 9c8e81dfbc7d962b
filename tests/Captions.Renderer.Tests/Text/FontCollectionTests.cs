using Captions.Renderer.Text;

namespace Captions.Renderer.Tests.Text;

public sealed class FontCollectionTests
{
    [Fact]
    public void DefaultChain_AllInstalled_LoadsThreeFontsInOrder()
    {
        foreach (FontSource font in FontCollection.DefaultChain)
        {
            File.Exists(font.Path).Should().BeTrue($"{font.Path} (Debian package {font.Package}) is installed by ./scripts/bootstrap.sh; run it");
        }

        using var fonts = new FontCollection();

        fonts.Count.Should().Be(3);
        fonts.Skipped.Should().BeEmpty();
        fonts.FindFont("A").Should().Be(0);
        fonts.FindFont("\u0627").Should().Be(0, "DejaVu Sans has Arabic");
        fonts.FindFont("中").Should().Be(1);
        fonts.FindFont("\u0E2A").Should().Be(2, "Thai comes from TLWG Loma");
    }

    [Fact]
    public void Constructor_MissingPrimary_ThrowsFontNotFoundNamingPathAndPackage()
    {
        var chain = new[] { new FontSource("/usr/share/fonts/none/Missing.ttf", 0, "fonts-missing") };

        Action open = () => _ = new FontCollection(chain);

        open.Should().Throw<FontNotFoundException>()
            .WithMessage("*/usr/share/fonts/none/Missing.ttf*fonts-missing*./scripts/bootstrap.sh*");
    }

    [Fact]
    public void Constructor_CorruptPrimary_ThrowsFreeTypeExceptionNamingTheFile()
    {
        string corrupt = Path.Combine(Path.GetTempPath(), $"corrupt-primary-{Guid.NewGuid():N}.ttf");
        File.WriteAllText(corrupt, "not a font at all");
        try
        {
            Action open = () => _ = new FontCollection([new FontSource(corrupt)]);

            open.Should().Throw<Captions.Native.FreeType.FreeTypeException>().Which.FontPath.Should().Be(corrupt);
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public void Constructor_MissingAndCorruptFallbacks_AreSkippedAndReported()
    {
        string corrupt = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.ttf");
        File.WriteAllBytes(corrupt, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        try
        {
            var chain = new[]
            {
                FontCollection.DefaultChain[0],
                new FontSource("/nonexistent/fallback.ttc", 0, "fonts-nothing"),
                new FontSource(corrupt),
            };

            using var fonts = new FontCollection(chain);
            using var layouter = new TextLayouter(new GlyphAtlas(256, 256), fonts);
            var block = new TextBlock();
            layouter.Layout("中文", 24, 1000, block);

            fonts.Count.Should().Be(1);
            fonts.Skipped.Should().HaveCount(2);
            fonts.Skipped[0].Should().Contain("/nonexistent/fallback.ttc").And.Contain("fonts-nothing");
            fonts.Skipped[1].Should().Contain(corrupt);
            block.GlyphsOf(block[0]).Length.Should().Be(2, "the ideographs show as placeholder boxes");
        }
        finally
        {
            File.Delete(corrupt);
        }
    }
}
