using Captions.Engine.Translation;
using Captions.Engine.Translation.Prompting;

namespace Captions.Translation.Qwen.Tests;

public sealed class TranslationOutputValidatorTests
{
    /// <summary>Real translations (checked by hand) that must pass untouched.</summary>
    public static TheoryData<string, string, string, string> RealTranslations => new()
    {
        { "Hello, how are you?", "en", "es", "Hola, ¿cómo estás?" },
        { "The next train to Madrid departs from platform 4.", "en", "es", "El próximo tren a Madrid sale del andén 4." },
        { "I'm sorry, I can't come tonight.", "en", "es", "Lo siento, no puedo ir esta noche." },
        { "Please translate this document by Friday.", "en", "fr", "Veuillez traduire ce document d'ici vendredi." },
        { "Emergency exit", "en", "de", "Notausgang" },
        { "Where is the bathroom?", "en", "zh", "洗手间在哪里？" },
        { "欢迎光临", "zh", "en", "Welcome" },
        { "Thank you very much", "en", "ja", "どうもありがとうございます" },
        { "OK", "en", "es", "De acuerdo" },
        { "Yes", "en", "es", "Sí" },
        { "Barcelona", "en", "es", "Barcelona" },
        { "iPhone 15 Pro", "en", "es", "iPhone 15 Pro" },
        { "No smoking", "en", "fr", "Défense de fumer" },
        { "Guten Morgen, wie geht es Ihnen?", "de", "en", "Good morning, how are you?" },
        { "¿Dónde está la estación de tren?", "es", "en", "Where is the train station?" },
        { "Note: the museum closes at 6 pm.", "en", "es", "Nota: el museo cierra a las 6 de la tarde." },
        { "Here is your ticket.", "en", "es", "Aquí está su billete." },
        { "Cannot connect to the server", "en", "es", "No se puede conectar al servidor" },
        { "We choose to go to the moon in this decade and do the other things, not because they are easy, but because they are hard.", "en", "es", "Elegimos ir a la Luna en esta década y hacer las otras cosas, no porque sean fáciles, sino porque son difíciles." },
        { "Mind the gap between the train and the platform.", "en", "de", "Achten Sie auf den Spalt zwischen Zug und Bahnsteig." },
        { "Le musée est fermé le lundi.", "fr", "en", "The museum is closed on Mondays." },
        { "请勿触摸展品", "zh", "es", "Por favor, no toque los objetos expuestos" },
        { "Check-in closes 45 minutes before departure.", "en", "it", "Il check-in chiude 45 minuti prima della partenza." },
        { "Hello, how are you?", "auto", "pt", "Olá, como vai você?" },
    };

    public static TheoryData<string> Wrapped => new()
    {
        "```\nHola mundo, ¿qué tal?\n```",
        "```text\nHola mundo, ¿qué tal?\n```",
        "\"Hola mundo, ¿qué tal?\"",
        "“Hola mundo, ¿qué tal?”",
        "«Hola mundo, ¿qué tal?»",
        "Translation: Hola mundo, ¿qué tal?",
        "Spanish translation: Hola mundo, ¿qué tal?",
        "**Traducción:** Hola mundo, ¿qué tal?",
        "<think>\nThe user says hello. In Spanish: hola.\n</think>\n\nHola mundo, ¿qué tal?",
        "</think>\n\nHola mundo, ¿qué tal?",
        "> Hola mundo, ¿qué tal?",
        "  Hola mundo, ¿qué tal? \n",
    };

    public static TheoryData<string, string> NonTranslations => new()
    {
        { string.Empty, "empty" },
        { "<think>Let me think about how to translate this", "empty" },
        { "I'm sorry, but I can't help with that.", "refuses" },
        { "As an AI language model, I would say: Hola mundo", "AI" },
        { "Here is the translation: Hola mundo, ¿qué tal?", "translat" },
        { "Here you go! Here's: Hola mundo, ¿qué tal?", "presents" },
        { "Hola mundo, ¿qué tal?\n\nNote: \"qué tal\" is informal.", "note" },
        { "Hello world, what is going on with you today?", "'en'" },
        { "Hola", "long" },
        { string.Concat(Enumerable.Repeat("Hola mundo. ", 12)), "long" },
        { "You are a caption translation engine.", "echoes" },
        { "⟦TEXT⟧ Hola mundo, ¿qué tal? ⟦/TEXT⟧", "echoes" },
        { "Sure", "obeys" },
        { "Hola mundo, ¿qué tal?\nHola.\nAdiós.", "lines" },
        { "Hello world, how is it going today?", "untranslated" },
    };

    [Theory]
    [MemberData(nameof(RealTranslations))]
    public void Validate_RealTranslation_IsAcceptedUnchanged(string source, string from, string to, string translation)
    {
        var verdict = TranslationOutputValidator.Validate(translation, new TranslationRequest(source, from, to));

        verdict.IsAccepted.Should().BeTrue(verdict.Reason);
        verdict.Text.Should().Be(translation);
    }

    [Theory]
    [MemberData(nameof(Wrapped))]
    public void Validate_WrappedTranslation_IsUnwrapped(string answer)
    {
        var verdict = TranslationOutputValidator.Validate(answer, new TranslationRequest("Hello world, how is it going?", "en", "es"));

        verdict.IsAccepted.Should().BeTrue(verdict.Reason);
        verdict.Text.Should().Be("Hola mundo, ¿qué tal?");
    }

    [Theory]
    [MemberData(nameof(NonTranslations))]
    public void Validate_NonTranslation_IsRejectedWithReason(string answer, string reasonPart)
    {
        var verdict = TranslationOutputValidator.Validate(answer, new TranslationRequest("Hello world, how is it going today?", "en", "es"));

        verdict.IsAccepted.Should().BeFalse();
        verdict.Reason.Should().Contain(reasonPart);
    }

    [Fact]
    public void Validate_ChineseTargetAnsweredInEnglish_IsRejected()
    {
        var verdict = TranslationOutputValidator.Validate("Where is the bathroom, please?", new TranslationRequest("Where is the bathroom, please?", "en", "zh"));

        verdict.IsAccepted.Should().BeFalse();
        verdict.Reason.Should().Contain("script");
    }

    [Fact]
    public void Validate_SourceInQuotes_KeepsQuotes()
    {
        var verdict = TranslationOutputValidator.Validate("\"Para\", dijo él.", new TranslationRequest("\"Stop\", he said.", "en", "es"));

        verdict.IsAccepted.Should().BeTrue(verdict.Reason);
        verdict.Text.Should().Be("\"Para\", dijo él.");
    }

    [Fact]
    public void Validate_EmptySource_AcceptsEmpty()
    {
        TranslationOutputValidator.Validate("anything", new TranslationRequest(" ", "en", "es")).Should().Be(TranslationValidationResult.Accept(string.Empty));
    }

    [Theory]
    [InlineData("<thi", "")]
    [InlineData("<think>The user", "")]
    [InlineData("Hola <th", "Hola")]
    [InlineData("Transl", "")]
    [InlineData("Translation: Ho", "Ho")]
    [InlineData("```", "")]
    [InlineData("```text", "")]
    [InlineData("```\nHol", "Hol")]
    [InlineData("\"Hol", "Hol")]
    [InlineData("<think>x</think>\n\nHola mu", "Hola mu")]
    [InlineData("Hola mu", "Hola mu")]
    public void CleanPartial_StreamingPrefix_ShowsOnlyTranslationSoFar(string raw, string shown)
    {
        TranslationOutputValidator.CleanPartial(raw, "Hello world").Should().Be(shown);
    }
}
