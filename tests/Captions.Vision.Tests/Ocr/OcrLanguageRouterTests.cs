using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.Vision.Tests.Ocr;

public sealed class OcrLanguageRouterTests
{
    private static readonly ImageFrame s_crop = ImageFrame.Create(40, 20);

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    [InlineData("zh-CN")]
    [InlineData("EN")]
    public void Recognize_PrimaryLanguage_ReadsWithPrimaryOnly(string language)
    {
        var primary = new Recording("ppocr", new RecognizedText("出口", 0.95f, "ppocr"));
        var secondaries = new Secondaries();
        using var router = new OcrLanguageRouter(primary, secondaries.For, language);

        var result = router.Recognize(s_crop);

        primary.Calls.Should().Be(1);
        secondaries.Asked.Should().BeEmpty();
        result.Engine.Should().Be("ppocr");
        result.Language.Should().Be(language[..2].ToLowerInvariant());
    }

    [Theory]
    [InlineData("ja", "tesseract:jpn")]
    [InlineData("ko", "tesseract:kor")]
    [InlineData("es", "tesseract:spa")]
    [InlineData("fr", "tesseract:fra")]
    [InlineData("de", "tesseract:deu")]
    public void Recognize_LanguageThePrimaryCannotSpell_ReadsWithSecondaryOnly(string language, string engine)
    {
        var primary = new Recording("ppocr", new RecognizedText("x", 0.9f, "ppocr"));
        var secondaries = new Secondaries();
        using var router = new OcrLanguageRouter(primary, secondaries.For, language);

        var result = router.Recognize(s_crop);

        primary.Calls.Should().Be(0);
        result.Engine.Should().Be(engine);
        result.Language.Should().Be(language);
        router.SecondaryReads.Should().Be(1);
        secondaries.Recognizers[language].Calls.Should().Be(1);
    }

    [Fact]
    public void Recognize_SecondaryMissing_FallsBackToPrimaryAndCounts()
    {
        var primary = new Recording("ppocr", new RecognizedText("Buongiorno", 0.9f, "ppocr"));
        using var router = new OcrLanguageRouter(primary, _ => null, "it");

        var result = router.Recognize(s_crop);

        result.Engine.Should().Be("ppocr");
        result.Language.Should().Be("it");
        router.FallbackReads.Should().Be(1);
    }

    [Fact]
    public void Recognize_ManyCrops_AsksForEachSecondaryOnce()
    {
        var secondaries = new Secondaries();
        using var router = new OcrLanguageRouter(new Recording("ppocr", RecognizedText.Empty("ppocr")), secondaries.For, "ja");

        for (int i = 0; i < 5; i++)
        {
            router.Recognize(s_crop);
        }

        secondaries.Asked.Should().Equal("ja");
        secondaries.Recognizers["ja"].Calls.Should().Be(5);
    }

    [Fact]
    public void Recognize_AutoConfidentHan_KeepsPrimaryAsChineseWithoutRereading()
    {
        var secondaries = new Secondaries();
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("出口", 0.95f, "ppocr")), secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be("出口");
        result.Language.Should().Be("zh");
        secondaries.Asked.Should().BeEmpty();
    }

    [Fact]
    public void Recognize_AutoHanReadingShortForItsCrop_RereadsAsJapaneseAndTakesKana()
    {
        // A 5-character line (crop 4 line heights wide) read as one Han character: PP-OCR dropped the kana.
        var wide = ImageFrame.Create(200, 50);
        var secondaries = new Secondaries { ["ja"] = new RecognizedText("天ぷらそば", 0.7f, "tesseract:jpn") };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("天", 0.97f, "ppocr")), secondaries.For, "auto");

        var result = router.Recognize(wide);

        result.Text.Should().Be("天ぷらそば");
        result.Language.Should().Be("ja");
        secondaries.Asked.Should().Equal("ja");
    }

    [Fact]
    public void Recognize_AutoHanShortButJapaneseRereadHasNoKana_KeepsPrimary()
    {
        var wide = ImageFrame.Create(120, 50);
        var secondaries = new Secondaries { ["ja"] = new RecognizedText("味噌汗", 0.8f, "tesseract:jpn") };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("味汁", 0.96f, "ppocr")), secondaries.For, "auto");

        var result = router.Recognize(wide);

        result.Text.Should().Be("味汁");
        result.Language.Should().Be("zh");
    }

    [Fact]
    public void Recognize_AutoHanShortButNotConfident_TakesTheCandidateWhoseScriptFits()
    {
        // Hangul read by PP-OCR as a few Han and a stray kana at low confidence: the candidates decide, not the kana
        // a Japanese re-read of Korean may produce (CI caught "書了モ @言著可時" winning for a Korean sign).
        var wide = ImageFrame.Create(400, 40);
        var secondaries = new Secondaries
        {
            ["ja"] = new RecognizedText("書了モ", 0.5f, "tesseract:jpn"),
            ["ko"] = new RecognizedText("출구는 오른쪽입니다", 0.8f, "tesseract:kor"),
        };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("書了言著", 0.4f, "ppocr")), secondaries.For, "auto");

        var result = router.Recognize(wide);

        result.Text.Should().Be("출구는 오른쪽입니다");
        result.Language.Should().Be("ko");
    }

    [Fact]
    public void Recognize_AutoHanFillingItsCrop_AsksNoSecondary()
    {
        // 4 characters in 3.2 line heights (0.8 each, as complete readings measure): nothing was dropped.
        var fitting = ImageFrame.Create(160, 50);
        var secondaries = new Secondaries { ["ja"] = new RecognizedText("禁止ですよ", 0.9f, "tesseract:jpn") };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("禁止吸烟", 0.99f, "ppocr")), secondaries.For, "auto");

        router.Recognize(fitting).Text.Should().Be("禁止吸烟");
        secondaries.Asked.Should().BeEmpty();
    }

    [Fact]
    public void Recognize_AutoConfidentLatinRereadsAgree_KeepsPrimary()
    {
        var secondaries = new Secondaries { ["es"] = new RecognizedText("EXIT", 0.9f, "tesseract:spa"), ["fr"] = new RecognizedText("EXIT", 0.9f, "tesseract:fra"), ["de"] = new RecognizedText("EXIT", 0.9f, "tesseract:deu") };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("EXIT", 0.95f, "ppocr")), secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be("EXIT");
        result.Engine.Should().Be("ppocr");
        result.Language.Should().BeNull();
        secondaries.Asked.Should().Equal("es", "fr", "de");
        router.LatinRereads.Should().Be(0);
    }

    [Theory]
    [InlineData("Ninos jugando", "es", "Niños jugando", "es")]
    [InlineData("Salade nicoise", "fr", "Salade niçoise", "fr")]
    [InlineData("StraBe gesperrt", "de", "Straße gesperrt", "de")]
    [InlineData("14,50", "es", "14,50 €", null)]
    [InlineData("Estacion", "es", "Estación", null)]
    public void Recognize_AutoLatinMissingWhatPpOcrCannotSpell_TakesTheRereadThatRestoresIt(string primaryText, string language, string reread, string? readAs)
    {
        // PP-OCR drops ñ ç ó and €, and reads ß as B, at full confidence; the re-read has the same letters plus those.
        var secondaries = new Secondaries { ["es"] = RecognizedText.Empty("tesseract:spa"), ["fr"] = RecognizedText.Empty("tesseract:fra"), ["de"] = RecognizedText.Empty("tesseract:deu") };
        secondaries[language] = new RecognizedText(reread, 0.8f, "tesseract");
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText(primaryText, 0.99f, "ppocr")), secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be(reread);
        result.Language.Should().Be(readAs);
        router.LatinRereads.Should().Be(1);
    }

    [Theory]
    [InlineData("Poulet roti", "Poulet rati")]  // a different letter: PP-OCR's reading stands
    [InlineData("Mas despacio", "Mäs despacio")]  // ä is not Spanish: a model straying from its alphabet
    public void Recognize_AutoLatinRereadDisagreesOrStrays_KeepsPrimary(string primaryText, string reread)
    {
        var secondaries = new Secondaries { ["es"] = new RecognizedText(reread, 0.95f, "tesseract:spa"), ["fr"] = RecognizedText.Empty("tesseract:fra"), ["de"] = RecognizedText.Empty("tesseract:deu") };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText(primaryText, 0.9f, "ppocr")), secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be(primaryText);
        result.Engine.Should().Be("ppocr");
    }

    [Fact]
    public void Recognize_AutoLatinTwoRereadsRestore_TakesTheMoreConfident()
    {
        var secondaries = new Secondaries
        {
            ["es"] = new RecognizedText("Menu del día", 0.6f, "tesseract:spa"),
            ["fr"] = new RecognizedText("Menu del dià", 0.4f, "tesseract:fra"),
            ["de"] = RecognizedText.Empty("tesseract:deu"),
        };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("Menu del dia", 0.97f, "ppocr")), secondaries.For, "auto");

        router.Recognize(s_crop).Text.Should().Be("Menu del día");
    }

    [Fact]
    public void Recognize_AutoLatinRereadsOff_AsksNoSecondary()
    {
        var secondaries = new Secondaries { ["es"] = new RecognizedText("Niños", 0.9f, "tesseract:spa") };
        var options = new OcrLanguageRouterOptions { LatinRereads = [] };
        using var router = new OcrLanguageRouter(new Recording("ppocr", new RecognizedText("Ninos", 0.99f, "ppocr")), secondaries.For, "auto", options);

        router.Recognize(s_crop).Text.Should().Be("Ninos");
        secondaries.Asked.Should().BeEmpty();
    }

    [Fact]
    public void Recognize_AutoPrimaryReadsKana_RereadsAsJapanese()
    {
        // PP-OCR knows five kana: a kana in its reading means Japanese and the rest is likely misread.
        var primary = new Recording("ppocr", new RecognizedText("出口はこちら", 0.9f, "ppocr"));
        var secondaries = new Secondaries { ["ja"] = new RecognizedText("出口はこちらです", 0.8f, "tesseract:jpn") };
        using var router = new OcrLanguageRouter(primary, secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be("出口はこちらです");
        result.Engine.Should().Be("tesseract:jpn");
        result.Language.Should().Be("ja");
    }

    [Fact]
    public void Recognize_AutoKanaButJapaneseRereadIsLatin_KeepsPrimaryAsJapanese()
    {
        var primary = new Recording("ppocr", new RecognizedText("マジ", 0.9f, "ppocr"));
        var secondaries = new Secondaries { ["ja"] = new RecognizedText("3v", 0.9f, "tesseract:jpn") };
        using var router = new OcrLanguageRouter(primary, secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be("マジ");
        result.Engine.Should().Be("ppocr");
        result.Language.Should().Be("ja");
    }

    [Fact]
    public void Recognize_AutoLowConfidence_KeepsMostConfidentReadingWhoseScriptFits()
    {
        var primary = new Recording("ppocr", new RecognizedText("芏兀", 0.31f, "ppocr"));
        var secondaries = new Secondaries
        {
            ["ja"] = new RecognizedText("EXIT", 0.97f, "tesseract:jpn"),  // Latin: does not fit "ja", ignored
            ["ko"] = new RecognizedText("출구", 0.88f, "tesseract:kor"),
        };
        using var router = new OcrLanguageRouter(primary, secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be("출구");
        result.Language.Should().Be("ko");
        secondaries.Asked.Should().Equal("ja", "ko");
    }

    [Fact]
    public void Recognize_AutoLowConfidenceAndNoBetterReading_KeepsPrimary()
    {
        var primary = new Recording("ppocr", new RecognizedText("芏兀", 0.5f, "ppocr"));
        var secondaries = new Secondaries { ["ja"] = new RecognizedText("芏", 0.4f, "tesseract:jpn"), ["ko"] = RecognizedText.Empty("tesseract:kor") };
        using var router = new OcrLanguageRouter(primary, secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be("芏兀");
        result.Engine.Should().Be("ppocr");
        result.Language.Should().Be("zh");
    }

    [Fact]
    public void Recognize_AutoNoSecondariesInstalled_KeepsPrimary()
    {
        var primary = new Recording("ppocr", new RecognizedText("", 0f, "ppocr"));
        using var router = new OcrLanguageRouter(primary, _ => null, "");

        var result = router.Recognize(s_crop);

        router.SourceLanguage.Should().Be(OcrLanguageRouter.Auto);
        result.Text.Should().BeEmpty();
        result.Language.Should().BeNull();
    }

    [Theory]
    [InlineData("Grün fur GroBe", "Grün für Große", "de")]
    [InlineData("Fermé a cote", "Fermé à côté", "fr")]
    public void Recognize_AutoAccentHint_RereadsWithHintedLanguage(string primaryText, string secondaryText, string language)
    {
        // The primary reading carries an accent PP-OCR does know (ü, é) and misses those it cannot spell (ß, ô).
        var primary = new Recording("ppocr", new RecognizedText(primaryText, 0.9f, "ppocr"));
        var secondaries = new Secondaries { [language] = new RecognizedText(secondaryText, 0.93f, "tesseract") };
        using var router = new OcrLanguageRouter(primary, secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be(secondaryText);
        result.Language.Should().Be(language);
        secondaries.Asked.Should().Equal(language);
    }

    [Fact]
    public void Recognize_AutoAccentHintRereadNotConfident_KeepsPrimary()
    {
        var primary = new Recording("ppocr", new RecognizedText("Café", 0.9f, "ppocr"));
        var secondaries = new Secondaries { ["fr"] = new RecognizedText("Cafè", 0.4f, "tesseract:fra") };
        using var router = new OcrLanguageRouter(primary, secondaries.For, "auto");

        var result = router.Recognize(s_crop);

        result.Text.Should().Be("Café");
        result.Language.Should().BeNull();
    }

    [Fact]
    public void IsPrimaryLanguage_Languages_OnlyChineseAndEnglish()
    {
        OcrLanguageRouter.IsPrimaryLanguage("zh").Should().BeTrue();
        OcrLanguageRouter.IsPrimaryLanguage("en-GB").Should().BeTrue();
        OcrLanguageRouter.IsPrimaryLanguage("ja").Should().BeFalse();
        OcrLanguageRouter.IsPrimaryLanguage("auto").Should().BeFalse();
    }

    [Fact]
    public void Dispose_Router_DoesNotDisposeRecognizersItDoesNotOwn()
    {
        var primary = new Recording("ppocr", RecognizedText.Empty("ppocr"));
        var router = new OcrLanguageRouter(primary, _ => null, "zh");

        router.Dispose();

        primary.Disposed.Should().BeFalse();
        router.Name.Should().Be("router:zh");
    }

    /// <summary>A recogniser double that returns a fixed reading and counts calls.</summary>
    private sealed class Recording(string name, RecognizedText reading) : ITextRecognizer
    {
        public string Name { get; } = name;

        public int Calls { get; private set; }

        public bool Disposed { get; private set; }

        public RecognizedText Recognize(ImageFrame crop)
        {
            Calls++;
            return reading;
        }

        public void Dispose() => Disposed = true;
    }

    /// <summary>The secondary lookup: fixed readings per language (defaults name the Tesseract engine), asks recorded.</summary>
    private sealed class Secondaries
    {
        private static readonly Dictionary<string, string> s_engines = new()
        {
            ["ja"] = "tesseract:jpn", ["ko"] = "tesseract:kor", ["es"] = "tesseract:spa", ["fr"] = "tesseract:fra", ["de"] = "tesseract:deu",
        };

        private readonly Dictionary<string, RecognizedText> _readings = [];

        public List<string> Asked { get; } = [];

        public Dictionary<string, Recording> Recognizers { get; } = [];

        public RecognizedText this[string language]
        {
            set => _readings[language] = value;
        }

        public ITextRecognizer? For(string language)
        {
            Asked.Add(language);
            if (!s_engines.TryGetValue(language, out string? engine))
            {
                return null;
            }

            var recognizer = new Recording(engine, _readings.GetValueOrDefault(language, new RecognizedText("text", 0.9f, engine)));
            Recognizers[language] = recognizer;
            return recognizer;
        }
    }
}
