using System.Text;
using Captions.Vision.Ocr;

namespace Captions.Vision.Tests.Ocr;

public sealed class TextScriptTests
{
    [Theory]
    [InlineData("出口", WritingScript.Han)]
    [InlineData("出口はこちら", WritingScript.Kana)]
    [InlineData("東京駅 ラーメン", WritingScript.Kana)]
    [InlineData("ｶﾀｶﾅ", WritingScript.Kana)]
    [InlineData("출구", WritingScript.Hangul)]
    [InlineData("지하철 2호선", WritingScript.Hangul)]
    [InlineData("EXIT", WritingScript.Latin)]
    [InlineData("Größe Öffnungszeiten", WritingScript.Latin)]
    [InlineData("¿Dónde?", WritingScript.Latin)]
    [InlineData("ＡＢＣ", WritingScript.Latin)]
    [InlineData("Выход", WritingScript.Other)]
    [InlineData("12:30 - 18:00 €", WritingScript.None)]
    [InlineData("", WritingScript.None)]
    [InlineData(null, WritingScript.None)]
    public void Classify_Reading_ReturnsDominantScript(string? text, WritingScript expected)
    {
        TextScript.Classify(text).Should().Be(expected);
    }

    [Fact]
    public void Classify_HanWithOneKana_IsJapanese()
    {
        // Japanese signs are often mostly kanji: one kana is enough, Chinese never has any.
        TextScript.Classify("営業時間の案内").Should().Be(WritingScript.Kana);
    }

    [Fact]
    public void Classify_LatinMajorityWithHan_IsLatin()
    {
        TextScript.Classify("Shopping Mall 商场").Should().Be(WritingScript.Latin);
    }

    [Theory]
    [InlineData(WritingScript.Kana, "ja")]
    [InlineData(WritingScript.Hangul, "ko")]
    [InlineData(WritingScript.Han, "zh")]
    [InlineData(WritingScript.Latin, null)]
    [InlineData(WritingScript.None, null)]
    public void LanguageOf_Script_ReturnsIso6391(WritingScript script, string? expected)
    {
        TextScript.LanguageOf(script).Should().Be(expected);
    }

    [Fact]
    public void Of_SupplementaryPlaneHan_IsHan()
    {
        TextScript.Of(new Rune(0x20BB7)).Should().Be(WritingScript.Han); // 𠮷
    }

    [Fact]
    public void ContainsKana_MixedText_FindsKana()
    {
        TextScript.ContainsKana("JR東日本のりば").Should().BeTrue();
        TextScript.ContainsKana("中华人民共和国").Should().BeFalse();
        TextScript.ContainsKana(null).Should().BeFalse();
    }
}
