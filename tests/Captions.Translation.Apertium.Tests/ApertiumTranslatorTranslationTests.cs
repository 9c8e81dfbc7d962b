using Captions.Engine.Translation;

namespace Captions.Translation.Apertium.Tests;

/// <summary>
/// Real sentences through the real Debian pairs. Expected outputs were recorded from Apertium 3.8.3 with the bookworm
/// packages (apertium-eng-spa 0.8.1, apertium-eng-cat, apertium-fr-es, apertium-es-pt); rule-based output, warts and
/// all ("Mis vidas de hermano": the tagger reads "lives" as a noun). A package upgrade that changes them should fail.
/// </summary>
public sealed class ApertiumTranslatorTranslationTests
{
    public static TheoryData<string, string, string, string> Sentences => new()
    {
        { "en", "es", "Hello, how are you today?", "Hola, cómo eres hoy?" },
        { "en", "es", "The cat is on the table.", "El gato es en la mesa." },
        { "en", "es", "Where is the train station, please?", "Dónde es la canal de tren, complacer?" },
        { "en", "es", "I would like a coffee with milk.", "Me gustaría un café con leche." },
        { "en", "es", "The meeting starts at nine in the morning.", "Los inicios de reunión en nueve por la mañana." },
        { "en", "es", "My brother lives in Barcelona.", "Mis vidas de hermano en Barcelona." },
        { "en", "es", "We are going to the beach tomorrow.", "Estamos yendo a la playa mañana." },
        { "en", "es", "This translation works without the internet.", "Estas obras de traducción sin el internet." },
        { "en", "es", "Mr Xyzzyplugh arrived yesterday.", "Señor Xyzzyplugh llegó ayer." },
        { "es", "en", "¿Dónde está la estación de tren?", "Where it is the station of train?" },
        { "es", "en", "Mi hermano vive en Madrid.", "My brother lives in Madrid." },
        { "es", "en", "El gato duerme en la cocina.", "The cat sleeps in the cookery." },
        { "es", "en", "Hoy hace mucho calor.", "Today it does a lot of heat." },
        { "en", "ca", "The cat is on the table.", "El gat és en la taula." },
        { "en", "ca", "Good morning, how are you?", "Bon dia, com és tu?" },
        { "en", "ca", "We are going to the beach tomorrow.", "Estem anant a la platja demà." },
        { "fr", "es", "Le chat est sur la table.", "El gato es sobre la mesa." },
        { "fr", "es", "Je voudrais un café au lait.", "Querría un café a la leche." },
        { "es", "pt", "Mi hermano vive en Madrid.", "Meu irmão vive em Madri." },
        { "es", "pt", "El gato duerme en la cocina.", "O gato dorme na cozinha." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task TranslateAsync_RealSentence_GivesRecordedApertiumOutput(string from, string to, string text, string expected)
    {
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();

        string translation = await ApertiumTestSupport.TranslateAsync(translator, text, from, to);

        translation.Should().Be(expected);
    }

    [Fact]
    public async Task TranslateAsync_UnknownWordAndGenerationGap_ShowPlainWordsWithoutMarks()
    {
        // Plain `apertium eng-spa` prints "Dónde es el *xyzzy #canal de tren?": * = unknown, # = generation gap.
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();

        string translation = await ApertiumTestSupport.TranslateAsync(translator, "Where is the xyzzy train station?", "en", "es");

        translation.Should().Be("Dónde es el xyzzy canal de tren?");
    }

    [Fact]
    public async Task TranslateAsync_StreamMetacharacters_PassThroughAndDoNotStallThePipeline()
    {
        // An unescaped "[" opens an Apertium superblank that would swallow the following requests.
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();

        string odd = await ApertiumTestSupport.TranslateAsync(translator, "Send it to [room 5] ^now$ {a/b} <c> @d \\e today.", "en", "es");
        string next = await ApertiumTestSupport.TranslateAsync(translator, "The cat is on the table.", "en", "es");

        odd.Should().Contain("[").And.Contain("]").And.Contain("^").And.Contain("{").And.Contain("@d").And.EndWith("hoy.");
        next.Should().Be("El gato es en la mesa.");
    }

    [Fact]
    public async Task TranslateAsync_NulAndControlCharacters_AreNeutralisedNotSplit()
    {
        // NUL ends a request in null-flush mode: left in, it would split this caption into two answers and pair the
        // second with the next caption.
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();

        string dirty = await ApertiumTestSupport.TranslateAsync(translator, "The cat\0 is on\u0007 the\r\n table.\u001b", "en", "es");
        string next = await ApertiumTestSupport.TranslateAsync(translator, "My brother lives in Barcelona.", "en", "es");

        dirty.Should().Be("El gato es en la mesa.");
        next.Should().Be("Mis vidas de hermano en Barcelona.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\n\t\u0007")]
    public async Task TranslateAsync_EmptyOrControlOnly_YieldsOneEmptyCompleteUpdate(string text)
    {
        await using var translator = new ApertiumTranslator();

        IReadOnlyList<TranslationUpdate> updates = await ApertiumTestSupport.TranslateAllAsync(translator, text, "en", "es")
            .WaitAsync(ApertiumTestSupport.Timeout);

        updates.Should().Equal(new TranslationUpdate(string.Empty, IsComplete: true));
    }

    [Fact]
    public async Task TranslateAsync_HugeInput_IsRejectedNamingTheLimit()
    {
        await using var translator = new ApertiumTranslator(new ApertiumOptions { MaxInputChars = 2_000 });
        string huge = string.Join(' ', Enumerable.Repeat("The cat is on the table.", 200));

        Func<Task> act = () => ApertiumTestSupport.TranslateAllAsync(translator, huge, "en", "es").WaitAsync(ApertiumTestSupport.Timeout);

        (await act.Should().ThrowAsync<TranslationException>())
            .Which.Should().Match<TranslationException>(e => e.Kind == TranslationFailureKind.Rejected
                && e.Message.Contains("4999 characters", StringComparison.Ordinal) && e.Message.Contains("2000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslateAsync_ProcessPerRequest_GivesTheSameTextAsTheWarmPipeline()
    {
        ApertiumTestSupport.RequireInstalled();
        await using var warm = new ApertiumTranslator();
        await using var cold = new ApertiumTranslator(new ApertiumOptions { UseWarmProcess = false });

        string a = await ApertiumTestSupport.TranslateAsync(warm, "Where is the xyzzy train station?", "en", "es");
        string b = await ApertiumTestSupport.TranslateAsync(cold, "Where is the xyzzy train station?", "en", "es");

        b.Should().Be(a).And.Be("Dónde es el xyzzy canal de tren?");
        cold.WarmProcessId("en", "es").Should().BeNull();
    }
}
