using Captions.TestKit.Vision;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Captions.Cli.Tests.Look;

/// <summary>
/// `captions look` on rendered signs and menus with exact known text (TestKit's synthetic corpus: six languages,
/// several faces and sizes, rotation, blur, noise, perspective), through the real engines: PP-OCR detection, PP-OCR or
/// Tesseract recognition chosen by the language, the tracker and the menu parser.
/// </summary>
public sealed class LookCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> SignNames() => new(SyntheticSignCorpus.Signs.Select(s => s.Name));

    public static TheoryData<string> MenuNames() => new(SyntheticSignCorpus.Menus.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(SignNames))]
    public async Task Look_RenderedSign_PrintsEachLineExactly(string name)
    {
        var sign = SignImageRenderer.Render(SyntheticSignCorpus.Sign(name));

        var result = await CliRun.InProcessAsync("look", "--input", sign.PngPath, "--from", sign.Spec.Language);

        output.WriteLine(result.ToString());
        result.ExitCode.Should().Be(0, result.ToString());
        LookLine.Final(result.Output).Select(l => l.Source).Should().Equal(sign.Spec.Lines, result.ToString());
    }

    [Theory]
    [MemberData(nameof(MenuNames))]
    public async Task Look_RenderedMenu_KeepsOrderNamesAndPricesExactly(string name)
    {
        var menu = MenuImageRenderer.Render(SyntheticSignCorpus.Menus.Single(m => m.Name == name));

        var result = await CliRun.InProcessAsync("look", "--input", menu.PngPath, "--from", menu.Spec.Language, "--menu");

        output.WriteLine(result.ToString());
        result.ExitCode.Should().Be(0, result.ToString());
        var items = LookLine.Final(result.Output).Where(l => l.Kind == "menu").Select(l => Item(l.Source)).ToList();
        items.Should().Equal(menu.ExpectedItems.Select(i => Item($"{i.Name}  {i.Price}")), result.ToString());
    }

    /// <summary>
    /// A printed menu item "Name  Price" as compared: the dish name exactly, the price with fullwidth forms folded and
    /// its whitespace removed. Fullwidth: PP-OCR answers the fullwidth "￥" (U+FFE5) for the printed "¥" (U+00A5); both
    /// are the same sign (NFKC maps one to the other), so that is a choice of code point, not a misreading. The fold is
    /// NFKC's width mapping written out, because the build runs with InvariantGlobalization, where string.Normalize
    /// leaves non-ASCII text as it is. Whitespace: the gap between "14,50" and "€" is a few pixels that OCR does not
    /// see reliably, and a price's meaning does not depend on it. The digits, separators and currency must all be
    /// there, in order.
    /// </summary>
    private static string Item(string source)
    {
        var split = source.IndexOf("  ", StringComparison.Ordinal);
        if (split < 0)
        {
            return source;
        }

        var price = string.Concat(source[(split + 2)..].Where(c => !char.IsWhiteSpace(c)).Select(FoldWidth));
        return $"{source[..split]}  {price}";
    }

    /// <summary>NFKC's &lt;wide&gt; mappings: U+FF01-FF5E to ASCII, U+FFE0-FFE6 to ¢ £ ¬ ¯ ¦ ¥ ₩.</summary>
    private static char FoldWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        >= '\uFFE0' and <= '\uFFE6' => "¢£¬¯¦¥₩"[c - 0xFFE0],
        _ => c,
    };
}
