using Captions.Vision.Ocr;

namespace Captions.Vision.Tests.Ocr;

public sealed class LatinFoldTests
{
    [Theory]
    [InlineData("Straße 14,50 €", "StraBe14,50")]
    [InlineData("¿Dónde está?", "Dondeesta?")]
    [InlineData("Œuvre Bœuf", "OEuvreBoeuf")]
    [InlineData("Öffnungszeiten", "Offnungszeiten")]
    [InlineData("", "")]
    public void Fold_LettersPpOcrCannotSpell_FoldedAway(string text, string expected)
    {
        LatinFold.Fold(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("Ninos jugando", "Niños jugando", true)]
    [InlineData("WeiBwurst", "Weißwurst", true)]
    [InlineData("9,75", "9,75 €", true)]
    [InlineData("Poulet roti", "Poulet rati", false)]
    [InlineData("EXIT", "EXIT.", false)]
    [InlineData("", "", false)]
    public void SameLetters_Readings_TrueOnlyWhenFoldedEqualAndNotEmpty(string primary, string other, bool expected)
    {
        LatinFold.SameLetters(primary, other).Should().Be(expected);
    }

    [Theory]
    [InlineData("es", "Piña asada", true)]
    [InlineData("es", "Mäs despacio", false)]
    [InlineData("fr", "Crème brûlée", true)]
    [InlineData("fr", "Straße", false)]
    [InlineData("de", "Gemüsesuppe", true)]
    [InlineData("de", "Niños", false)]
    [InlineData("it", "caffè", false)]
    [InlineData("es", "EXIT", true)]
    public void UsesOnlyAccentsOf_Language_ChecksItsAlphabet(string language, string text, bool expected)
    {
        LatinFold.UsesOnlyAccentsOf(language, text).Should().Be(expected);
    }

    [Theory]
    [InlineData("Niños", "es")]
    [InlineData("Reçu", "fr")]
    [InlineData("Bitte nicht stören", "de")]
    [InlineData("Café", null)]
    [InlineData("EXIT", null)]
    public void LanguageHint_RestoredLetter_PointsAtItsLanguage(string text, string? expected)
    {
        LatinFold.LanguageHint(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("Café", true)]
    [InlineData("Straße", true)]
    [InlineData("Cafe", false)]
    public void HasAccents_Text_TrueForAnyAccentedLetter(string text, bool expected)
    {
        LatinFold.HasAccents(text).Should().Be(expected);
    }
}
