using Captions.Engine.Translation;

namespace Captions.Translation.Apertium.Tests;

public sealed class ApertiumTranslatorPairTests
{
    [Theory]
    [InlineData("en", "es")]
    [InlineData("eng", "spa")]
    [InlineData("en-US", "es")]
    [InlineData("es", "en")]
    [InlineData("en", "ca")]
    [InlineData("fr", "es")]
    [InlineData("fra", "es")]
    [InlineData("es", "pt")]
    [InlineData("pt", "ca")]
    public async Task Supports_InstalledPairInEitherSpelling_IsTrue(string source, string target)
    {
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();

        translator.Supports(source, target).Should().BeTrue();
    }

    [Theory]
    [InlineData("en", "fr")]
    [InlineData("en", "de")]
    [InlineData("zh", "en")]
    [InlineData("auto", "es")]
    public async Task Supports_PairDebianLacks_IsFalse(string source, string target)
    {
        await using var translator = new ApertiumTranslator();

        translator.Supports(source, target).Should().BeFalse();
    }

    [Fact]
    public async Task TranslateAsync_PairDebianLacks_ThrowsUnsupportedPairListingInstalledPairs()
    {
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();

        Func<Task> act = () => ApertiumTestSupport.TranslateAllAsync(translator, "Hello", "en", "fr").WaitAsync(ApertiumTestSupport.Timeout);

        TranslationException error = (await act.Should().ThrowAsync<TranslationException>()).Which;
        error.Kind.Should().Be(TranslationFailureKind.UnsupportedPair);
        error.Message.Should().Contain("en->fr").And.Contain("Debian has no Apertium package for en-fr")
            .And.Contain("Installed: ").And.Contain("en->es").And.Contain("fr->es");
    }

    [Fact]
    public async Task TranslateAsync_PairInAnUninstalledDebianPackage_NamesThePackage()
    {
        // apertium-eu-en is in bookworm but not in scripts/debian-packages.txt; a modes directory with only eng-spa
        // stands in for a machine that has just that pair.
        string modes = Directory.CreateTempSubdirectory("apertium-modes-").FullName;
        try
        {
            File.Copy("/usr/share/apertium/modes/eng-spa.mode", Path.Combine(modes, "eng-spa.mode"));
            await using var translator = new ApertiumTranslator(new ApertiumOptions { ModesDirectory = modes });

            Func<Task> act = () => ApertiumTestSupport.TranslateAllAsync(translator, "Kaixo", "eu", "en").WaitAsync(ApertiumTestSupport.Timeout);

            TranslationException error = (await act.Should().ThrowAsync<TranslationException>()).Which;
            error.Kind.Should().Be(TranslationFailureKind.UnsupportedPair);
            error.Message.Should().Contain("apt-get install apertium-eu-en").And.EndWith("Installed: en->es.");
        }
        finally
        {
            Directory.Delete(modes, recursive: true);
        }
    }

    [Fact]
    public void Catalog_BothSpellingsAndVariants_PicksThePlainModeAndPrefersThreeLetterNames()
    {
        // Mode names only: discovery reads file names, the pipelines are never run here.
        string modes = Directory.CreateTempSubdirectory("apertium-modes-").FullName;
        try
        {
            foreach (string name in new[] { "eng-spa", "eng-cat_valencia", "eco-fr-es", "fr-es", "fra-spa", "gl-pt-latin1", "en-gl" })
            {
                File.WriteAllText(Path.Combine(modes, name + ".mode"), "cat");
            }

            var catalog = ApertiumPairCatalog.Discover(modes);

            catalog.Find("en", "es")!.Mode.Should().Be("eng-spa");
            catalog.Find("fr", "es")!.Mode.Should().Be("fra-spa");
            catalog.Find("eng", "glg")!.Mode.Should().Be("en-gl");
            catalog.Find("en", "ca").Should().BeNull("only the Valencian variant of eng-cat is present");
            catalog.Find("gl", "pt").Should().BeNull();
            catalog.Describe().Should().Be("en->es, en->gl, fr->es");
        }
        finally
        {
            Directory.Delete(modes, recursive: true);
        }
    }

    [Fact]
    public async Task TranslateAsync_ApertiumBinariesMissing_ThrowsEngineFailedNamingThePackage()
    {
        string empty = Directory.CreateTempSubdirectory("apertium-bin-").FullName;
        try
        {
            await using var translator = new ApertiumTranslator(new ApertiumOptions { BinaryDirectory = empty });

            Func<Task> act = () => ApertiumTestSupport.TranslateAllAsync(translator, "Hello", "en", "es").WaitAsync(ApertiumTestSupport.Timeout);

            TranslationException error = (await act.Should().ThrowAsync<TranslationException>()).Which;
            error.Kind.Should().Be(TranslationFailureKind.EngineFailed);
            error.Message.Should().Contain(empty).And.Contain("apt-get install apertium");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Name_IsApertium()
    {
        await using var translator = new ApertiumTranslator();

        translator.Name.Should().Be("apertium");
    }
}
