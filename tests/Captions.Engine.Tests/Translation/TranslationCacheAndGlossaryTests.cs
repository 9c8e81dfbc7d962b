using Captions.Engine.Translation;

namespace Captions.Engine.Tests.Translation;

public sealed class TranslationCacheAndGlossaryTests
{
    [Fact]
    public void Cache_OverCapacity_EvictsTheLeastRecentlyUsed()
    {
        var cache = new TranslationCache(capacity: 2);
        cache.Add("exit", "en", "es", "salida");
        cache.Add("toilets", "en", "es", "aseos");
        cache.TryGet("EXIT", "en", "es", out _).Should().BeTrue("normalised: case and spacing do not matter");
        cache.Add("menu", "en", "es", "menú");

        cache.TryGet("toilets", "en", "es", out _).Should().BeFalse("least recently used");
        cache.TryGet("exit", "en", "es", out var exit).Should().BeTrue();
        exit.Should().Be("salida");
        cache.TryGet("exit", "en", "fr", out _).Should().BeFalse("the language pair is part of the key");
        cache.Count.Should().Be(2);
        cache.Hits.Should().Be(2);
        cache.Misses.Should().Be(2);
    }

    [Fact]
    public void Glossary_Load_ReadsBothSeparatorsAndSkipsComments()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# names", "Quark S1 = Quark S1", "DashScope\tDashScope", string.Empty, "sign = letrero"]);

            var glossary = Glossary.Load(path);

            glossary.Count.Should().Be(3);
            glossary.Match("Where is the sign for the quark s1 demo?").Keys.Should().BeEquivalentTo(["Quark S1", "sign"]);
            glossary.Match("signature").Should().BeEmpty("whole words only");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Glossary_Load_MalformedLine_NamesFileAndLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["ok = bien", "no separator here"]);

            Action act = () => Glossary.Load(path);

            act.Should().Throw<FormatException>().WithMessage($"*{path}*line 2*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Glossary_Load_MissingFile_NamesIt()
    {
        Action act = () => Glossary.Load("/nonexistent/glossary.txt");

        act.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/glossary.txt*");
    }
}
