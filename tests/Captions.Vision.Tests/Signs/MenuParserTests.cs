using System.Drawing;
using Captions.Vision.Geometry;
using Captions.Vision.Signs;

namespace Captions.Vision.Tests.Signs;

public sealed class MenuParserTests
{
    [Theory]
    [InlineData("Pasta 12.50", "Pasta", "12.50")]
    [InlineData("Paella €12,50", "Paella", "€12,50")]
    [InlineData("Paella valenciana 12.50 €", "Paella valenciana", "12.50 €")]
    [InlineData("Burger $9", "Burger", "$9")]
    [InlineData("ラーメン ¥980", "ラーメン", "¥980")]
    [InlineData("ラーメン980円", "ラーメン", "980円")]
    [InlineData("宫保鸡丁 ￥38", "宫保鸡丁", "￥38")]
    [InlineData("麻婆豆腐 38元", "麻婆豆腐", "38元")]
    [InlineData("Fish & chips £4.95", "Fish & chips", "£4.95")]
    [InlineData("Bratwurst mit Kraut 4,95 €", "Bratwurst mit Kraut", "4,95 €")]
    [InlineData("Pasta ........ 12.50", "Pasta", "12.50")]
    [InlineData("Croque-monsieur . . . . . 8", "Croque-monsieur", "8")]
    [InlineData("2 eggs any style 5.50", "2 eggs any style", "5.50")]
    [InlineData("Menu 2 12,00 €", "Menu 2", "12,00 €")]
    [InlineData("天ぷら定食 ¥1,200", "天ぷら定食", "¥1,200")]
    [InlineData("Coffee - 2.50", "Coffee", "2.50")]
    public void TrySplitPrice_LineEndingWithPrice_SplitsNameAndKeepsPriceAsPrinted(string line, string name, string price)
    {
        MenuParser.TrySplitPrice(line, out var n, out var p).Should().BeTrue();
        n.Should().Be(name);
        p.Should().Be(price);
    }

    [Theory]
    [InlineData("2 eggs")]
    [InlineData("Route 66")]
    [InlineData("Desserts")]
    [InlineData("Open 9 to 5")]
    [InlineData("12.50")]
    public void TrySplitPrice_NoDishBeforeAPrice_ReturnsFalse(string line)
    {
        MenuParser.TrySplitPrice(line, out var name, out _).Should().BeFalse();
        name.Should().Be(line);
    }

    [Theory]
    [InlineData("12.50", true)]
    [InlineData("€12,50", true)]
    [InlineData("12.50 €", true)]
    [InlineData("980円", true)]
    [InlineData("38元", true)]
    [InlineData("12", true)]
    [InlineData("12 eggs", false)]
    [InlineData("Tapas", false)]
    public void IsPrice_Text_RecognisesPriceOnlyLines(string text, bool expected) => MenuParser.IsPrice(text).Should().Be(expected);

    [Fact]
    public void Parse_EnglishPricesInSeparateColumn_PairsByRowAndKeepsOrder()
    {
        var entries = MenuParser.Parse(
        [
            Line(4, "7.00", 400, 180),
            Line(1, "Starters", 50, 20, 150),
            Line(2, "Soup of the day", 50, 100, 220),
            Line(3, "4.50", 400, 102),
            Line(5, "2 eggs on toast", 50, 180, 230),
            Line(6, "Chips", 50, 260, 100),
            Line(7, "£3", 405, 258),
        ]);

        entries.Select(e => (e.Name, e.Price)).Should().Equal(
            ("Starters", null),
            ("Soup of the day", "4.50"),
            ("2 eggs on toast", "7.00"),
            ("Chips", "£3"));
        entries.Select(e => e.Id).Should().Equal(1, 2, 5, 6);
        entries[1].PriceLineId.Should().Be(3);
        entries.Select(e => e.Order).Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public void Parse_SpanishInlinePrices_KeepsCurrencyAndCommaDecimals()
    {
        var entries = MenuParser.Parse(
        [
            Line(1, "Paella valenciana ........ 12,50 €", 40, 100, 500),
            Line(2, "Gazpacho andaluz ........ 6,00 €", 40, 150, 500),
            Line(3, "Tortilla de 6 huevos 8 €", 40, 200, 500),
        ]);

        entries.Select(e => (e.Name, e.Price)).Should().Equal(
            ("Paella valenciana", "12,50 €"),
            ("Gazpacho andaluz", "6,00 €"),
            ("Tortilla de 6 huevos", "8 €"));
        entries.Should().OnlyContain(e => e.IsItem);
    }

    [Fact]
    public void Parse_FrenchTwoColumns_ReadsColumnByColumnWithTitleFirst()
    {
        var entries = MenuParser.Parse(
        [
            Line(1, "CARTE", 330, 10, 140),
            Line(10, "Soupe à l'oignon", 40, 100, 200),
            Line(11, "7,50 €", 300, 100, 70),
            Line(20, "Crème brûlée", 460, 100, 180),
            Line(21, "6,00 €", 700, 100, 70),
            Line(12, "Croque-monsieur", 40, 150, 200),
            Line(13, "9,00 €", 300, 150, 70),
            Line(22, "Tarte Tatin", 460, 150, 160),
            Line(23, "6,50 €", 700, 150, 70),
            Line(2, "Service compris — prix nets", 150, 300, 500),
        ]);

        entries.Select(e => e.Name).Should().Equal("CARTE", "Soupe à l'oignon", "Croque-monsieur", "Crème brûlée", "Tarte Tatin", "Service compris — prix nets");
        entries.Single(e => e.Name == "Tarte Tatin").Price.Should().Be("6,50 €");
        entries.Single(e => e.Name == "Soupe à l'oignon").Price.Should().Be("7,50 €");
    }

    [Fact]
    public void Parse_GermanHeadingInsideRightColumn_StaysInThatColumn()
    {
        var entries = MenuParser.Parse(
        [
            Line(1, "Schnitzel Wiener Art 14,90 €", 40, 100, 300),
            Line(2, "Bratwurst 4,95 €", 40, 150, 300),
            Line(3, "Nachspeisen", 460, 60, 180),
            Line(4, "Apfelstrudel 5,50 €", 460, 100, 300),
        ]);

        entries.Select(e => e.Name).Should().Equal("Schnitzel Wiener Art", "Bratwurst", "Nachspeisen", "Apfelstrudel");
        entries[2].IsItem.Should().BeFalse();
    }

    [Fact]
    public void Parse_ChineseAndJapanese_KeepsYuanAndYenUntouched()
    {
        var zh = MenuParser.Parse(
        [
            Line(1, "宫保鸡丁", 40, 100, 120),
            Line(2, "￥38", 300, 100, 60),
            Line(3, "麻婆豆腐 28元", 40, 150, 200),
        ]);
        var ja = MenuParser.Parse(
        [
            Line(1, "醤油ラーメン", 40, 100, 150),
            Line(2, "980円", 300, 104, 70),
            Line(3, "餃子（6個）", 40, 150, 150),
            Line(4, "¥450", 300, 148, 70),
        ]);

        zh.Select(e => (e.Name, e.Price)).Should().Equal(("宫保鸡丁", "￥38"), ("麻婆豆腐", "28元"));
        ja.Select(e => (e.Name, e.Price)).Should().Equal(("醤油ラーメン", "980円"), ("餃子（6個）", "¥450"));
    }

    [Fact]
    public void Parse_PriceWithNoDishOnItsRow_IsKeptAsOrphanWithEmptyName()
    {
        var entries = MenuParser.Parse([Line(1, "Tapas", 40, 100, 100), Line(2, "3,50 €", 300, 400, 70)]);

        entries.Should().HaveCount(2);
        entries[1].Name.Should().BeEmpty();
        entries[1].Price.Should().Be("3,50 €");
        entries[1].IsItem.Should().BeFalse();
    }

    [Fact]
    public void Parse_TwoPricesOnOneRow_KeepsBothLeftToRight()
    {
        var entries = MenuParser.Parse([Line(1, "Café", 40, 100, 100), Line(3, "3.20", 360, 100, 60), Line(2, "2.40", 260, 100, 60)]);

        entries.Should().ContainSingle().Which.Price.Should().Be("2.40  3.20");
    }

    [Fact]
    public void Parse_PriceCutFromItsLeaders_PairsThePriceWithoutTheDots()
    {
        // The detector cut the leader row: the price line starts with its last dots ("..14,50€", ". 6,00 €").
        var entries = MenuParser.Parse(
        [
            Line(1, "Paella valenciana", 40, 100, 260),
            Line(2, "..14,50€", 560, 100, 110),
            Line(3, "Gazpacho andaluz", 40, 150, 250),
            Line(4, ". 6,00 €", 575, 150, 95),
        ]);

        entries.Select(e => (e.Name, e.Price)).Should().Equal(("Paella valenciana", "14,50€"), ("Gazpacho andaluz", "6,00 €"));
        MenuParser.IsPrice("..14,50€").Should().BeTrue();
        MenuParser.IsPrice("‚ 5,80 €").Should().BeTrue();
        MenuParser.IsPrice("...").Should().BeFalse();
    }

    [Fact]
    public void Parse_TiltedMenu_PairsTheFarPriceAlongTheDishLine()
    {
        // Tilted 3 degrees clockwise: over the 500 px from the dish to its price the row drops 26 px, so the upright
        // boxes overlap by under half a line, but the price lies on the dish line carried on.
        var dish = new MenuLine(1, "Weißwurst", Tilted(30, 100, 200, 30, 0.0524f));
        var price = new MenuLine(2, "6,20 €", Tilted(600, 126, 100, 30, 0.0524f));
        var next = new MenuLine(3, "Apfelstrudel", Tilted(30, 150, 220, 30, 0.0524f));

        var entries = MenuParser.Parse([dish, price, next]);

        entries.Select(e => (e.Name, e.Price)).Should().Equal(("Weißwurst", "6,20 €"), ("Apfelstrudel", null));
    }

    private static Quad Tilted(float x, float y, float width, float height, float slope) => new(
        new System.Numerics.Vector2(x, y),
        new System.Numerics.Vector2(x + width, y + (slope * width)),
        new System.Numerics.Vector2(x + width, y + (slope * width) + height),
        new System.Numerics.Vector2(x, y + height));

    private static MenuLine Line(long id, string text, float x, float y, float width = 60, float height = 30) =>
        new(id, text, Quad.FromRectangle(new RectangleF(x, y, width, height)));
}
