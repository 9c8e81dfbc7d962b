using Captions.TestKit.Vision;

namespace Captions.Vision.Tests.Synthetic;

public sealed class MenuImageRendererTests
{
    [Theory]
    [InlineData("en-lunch")]
    [InlineData("es-menu-del-dia")]
    [InlineData("fr-carte-serif")]
    [InlineData("zh-caidan")]
    [InlineData("ja-oshinagaki-noleader")]
    public void Render_UprightMenu_NamesLeftPricesFlushRightInMenuOrder(string name)
    {
        var spec = SyntheticSignCorpus.Menus.Single(m => m.Name == name);

        var rendered = MenuImageRenderer.Render(spec);

        rendered.NameBoxes.Should().HaveCount(spec.Items.Count);
        rendered.PriceBoxes.Should().HaveCount(spec.Items.Count);
        rendered.ExpectedItems.Should().Equal(spec.Items);
        var rights = rendered.PriceBoxes.Select(b => b.Bounds.Right).ToList();
        (rights.Max() - rights.Min()).Should().BeLessThan(3f, "prices are right-aligned to the margin");
        rendered.NameBoxes.Select(b => b.Bounds.Left).Should().OnlyContain(left => left >= spec.FontSize - 2 && left <= spec.FontSize + 6);
        for (var i = 0; i < spec.Items.Count; i++)
        {
            rendered.NameBoxes[i].Bounds.Right.Should().BeLessThan(rendered.PriceBoxes[i].Bounds.Left);
            rendered.TitleBox.Bounds.Bottom.Should().BeLessThan(rendered.NameBoxes[i].Bounds.Top);
            if (i > 0)
            {
                rendered.NameBoxes[i].Center.Y.Should().BeGreaterThan(rendered.NameBoxes[i - 1].Center.Y);
            }
        }
    }

    [Fact]
    public void Render_DottedLeader_InkBetweenNameAndPriceOnlyWithLeader()
    {
        var with = SyntheticSignCorpus.Menus.Single(m => m.Name == "en-lunch");
        var without = with with { DottedLeader = false };

        var dotted = MenuImageRenderer.Render(with);
        var plain = MenuImageRenderer.Render(without);

        GapInk(dotted).Should().BeGreaterThan(20);
        GapInk(plain).Should().Be(0);
    }

    [Fact]
    public void Render_Menu_HeightFitsItemsAndFrameDecodes()
    {
        var spec = SyntheticSignCorpus.Menus.Single(m => m.Name == "de-speisekarte-rot2");

        var rendered = MenuImageRenderer.Render(spec);
        var frame = rendered.LoadFrame();

        frame.Width.Should().Be(spec.Width);
        frame.Height.Should().Be(spec.ResolvedHeight);
        rendered.PriceBoxes.Should().OnlyContain(b => b.Bounds.Bottom <= frame.Height && b.Bounds.Right <= frame.Width);
    }

    /// <summary>Ink pixels in the gap between the first item's name and price, on the item's middle rows.</summary>
    private static int GapInk(RenderedMenu menu)
    {
        var frame = menu.LoadFrame();
        var name = menu.NameBoxes[0].Bounds;
        var price = menu.PriceBoxes[0].Bounds;
        var count = 0;
        for (var y = (int)name.Top; y < (int)name.Bottom; y++)
        {
            for (var x = (int)name.Right + 12; x < (int)price.Left - 12; x++)
            {
                if (PixelProbe.Distance(frame, x, y, menu.Spec.Background) > 150)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
