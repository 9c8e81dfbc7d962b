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
        var items = LookLine.Final(result.Output).Where(l => l.Kind == "menu").Select(l => l.Source).ToList();
        items.Should().Equal(menu.ExpectedItems.Select(i => $"{i.Name}  {i.Price}"), result.ToString());
    }
}
