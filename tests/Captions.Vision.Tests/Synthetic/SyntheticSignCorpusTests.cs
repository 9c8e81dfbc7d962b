using Captions.TestKit.Vision;

namespace Captions.Vision.Tests.Synthetic;

public sealed class SyntheticSignCorpusTests
{
    public static TheoryData<string> SignNames => new(SyntheticSignCorpus.Signs.Select(s => s.Name));

    [Fact]
    public void Signs_CoverSixLanguagesAndEveryDegradation()
    {
        var signs = SyntheticSignCorpus.Signs;

        signs.Select(s => s.Language).Distinct().Should().BeEquivalentTo(["en", "es", "fr", "de", "zh", "ja"]);
        signs.Select(s => s.Name).Should().OnlyHaveUniqueItems();
        signs.Select(s => s.FontFile).Distinct().Should().HaveCountGreaterThanOrEqualTo(5);
        signs.Select(s => s.FontSize).Distinct().Should().HaveCountGreaterThanOrEqualTo(5);
        signs.Should().Contain(s => s.RotationDegrees > 0).And.Contain(s => s.RotationDegrees < 0);
        signs.Should().Contain(s => s.Blur > 0).And.Contain(s => s.Noise > 0).And.Contain(s => s.Perspective != null);
        SyntheticSignCorpus.Menus.Select(m => m.Language).Distinct().Should().BeEquivalentTo(["en", "es", "fr", "de", "zh", "ja"]);
    }

    [Theory]
    [InlineData("es", "ñáó")]
    [InlineData("fr", "éèçà")]
    [InlineData("de", "äöüßÖ")]
    public void Signs_LatinLanguages_CarryTheirAccents(string language, string letters)
    {
        var text = string.Concat(SyntheticSignCorpus.SignsIn(language).Select(s => s.ExpectedText));

        text.Should().ContainAll(letters.Select(c => c.ToString()));
    }

    [Fact]
    public void Signs_Japanese_HaveHiraganaKatakanaAndKanji()
    {
        var text = string.Concat(SyntheticSignCorpus.SignsIn("ja").Select(s => s.ExpectedText));

        text.Any(c => c >= '\u3041' && c <= '\u309F').Should().BeTrue("hiragana");
        text.Any(c => c >= '\u30A0' && c <= '\u30FF').Should().BeTrue("katakana");
        text.Any(c => c >= '\u4E00' && c <= '\u9FFF').Should().BeTrue("kanji");
    }

    [Theory]
    [MemberData(nameof(SignNames))]
    public void Render_EveryCorpusSign_OneInkedBoxPerLineInsideTheCanvas(string name)
    {
        var spec = SyntheticSignCorpus.Sign(name);

        var rendered = SignImageRenderer.Render(spec);
        var frame = rendered.LoadFrame();

        frame.Width.Should().Be(spec.Width);
        frame.Height.Should().Be(spec.Height);
        rendered.LineBoxes.Should().HaveCount(spec.Lines.Count);
        foreach (var box in rendered.LineBoxes)
        {
            box.Bounds.Left.Should().BeGreaterThanOrEqualTo(0);
            box.Bounds.Top.Should().BeGreaterThanOrEqualTo(0);
            box.Bounds.Right.Should().BeLessThanOrEqualTo(spec.Width);
            box.Bounds.Bottom.Should().BeLessThanOrEqualTo(spec.Height);
            box.Height.Should().BeGreaterThan(spec.FontSize * 0.4f, "a glyph that rendered as nothing would leave a flat box");
            var center = box.Center;
            var inked = 0;
            for (var y = (int)box.Bounds.Top; y < (int)box.Bounds.Bottom; y++)
            {
                for (var x = (int)box.Bounds.Left; x < (int)box.Bounds.Right; x++)
                {
                    if (PixelProbe.Distance(frame, x, y, spec.Background) > 150)
                    {
                        inked++;
                    }
                }
            }

            inked.Should().BeGreaterThan(100, $"line box around {center} holds the text's ink");
        }
    }

    [Fact]
    public void Render_EveryCorpusMenu_BoxesForTitleNamesAndPrices()
    {
        foreach (var spec in SyntheticSignCorpus.Menus)
        {
            var rendered = MenuImageRenderer.Render(spec);

            rendered.NameBoxes.Should().HaveCount(spec.Items.Count, spec.Name);
            rendered.PriceBoxes.Should().HaveCount(spec.Items.Count, spec.Name);
            File.Exists(rendered.PngPath).Should().BeTrue();
        }
    }
}
