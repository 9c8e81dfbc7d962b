namespace Captions.TestKit.Vision;

/// <summary>
/// The fixed synthetic corpus the OCR accuracy tests and the vision benchmark share: signs and menus in English,
/// Spanish, French, German, Chinese and Japanese, across faces, sizes, rotations, blur, noise and perspective, each
/// with its exact expected text. Names are stable: reports and bounds refer to them. Add entries at the end; never
/// change an existing one (measured bounds would silently move).
/// </summary>
public static class SyntheticSignCorpus
{
    private const uint Blue = 0x1E5AA8;
    private const uint Red = 0xB22222;
    private const uint Green = 0x1B6E3A;
    private const uint White = 0xFFFFFF;
    private const uint Black = 0x101010;
    private const uint Yellow = 0xF2C500;
    private const uint Paper = 0xF4EEDC;

    public static IReadOnlyList<SignSpec> Signs { get; } =
    [
        // English: clean references first, then one degradation at a time, then combined.
        Sign("en-exit-clean", "en", ["EXIT"], SyntheticFonts.DejaVuSansBold, 72, White, Green),
        Sign("en-noparking-2line", "en", ["NO PARKING", "AT ANY TIME"], SyntheticFonts.DejaVuSansBold, 48, White, Red),
        Sign("en-hours-serif", "en", ["Open 9:00 - 17:30"], SyntheticFonts.DejaVuSerif, 40, Black, Paper),
        Sign("en-platform-mono-small", "en", ["Platform 3", "Departures"], SyntheticFonts.DejaVuSansMono, 28, White, Blue),
        Sign("en-wetfloor-rot6", "en", ["CAUTION", "WET FLOOR"], SyntheticFonts.DejaVuSansBold, 48, Black, Yellow) with { RotationDegrees = 6 },
        Sign("en-toilets-blur", "en", ["Toilets"], SyntheticFonts.DejaVuSans, 56, White, Blue) with { Blur = 1.5 },
        Sign("en-keepleft-noise", "en", ["Keep left"], SyntheticFonts.DejaVuSans, 52, White, Blue) with { Noise = 20 },
        Sign("en-station-persp", "en", ["Central Station"], SyntheticFonts.DejaVuSansBold, 48, White, Blue) with { Perspective = SignPerspective.RecedingRight(30) },

        // Spanish: ñ, á, é, í, ó, ú.
        Sign("es-salida-clean", "es", ["Salida"], SyntheticFonts.DejaVuSansBold, 64, White, Green),
        Sign("es-ninos-2line", "es", ["Niños jugando", "Más despacio"], SyntheticFonts.DejaVuSans, 44, Black, Yellow),
        Sign("es-estacion-rot-4", "es", ["Estación de autobuses"], SyntheticFonts.DejaVuSerif, 36, White, Blue) with { RotationDegrees = -4, Width = 720 },
        Sign("es-manana-noise-blur", "es", ["Cerrado por la mañana"], SyntheticFonts.DejaVuSans, 36, White, Red) with { Blur = 0.8, Noise = 12, Width = 720 },

        // French: é, è, ç, ê, à.
        Sign("fr-sortie-clean", "fr", ["Sortie"], SyntheticFonts.DejaVuSansBold, 64, White, Green),
        Sign("fr-fumer-2line", "fr", ["Défense de fumer", "Accès réservé"], SyntheticFonts.DejaVuSans, 40, White, Red),
        Sign("fr-bibliotheque-serif-persp", "fr", ["Bibliothèque"], SyntheticFonts.DejaVuSerif, 52, Black, Paper) with { Perspective = SignPerspective.SeenFromBelow(40) },
        Sign("fr-garcon-rot3-blur", "fr", ["Reçu à la caisse"], SyntheticFonts.DejaVuSans, 40, White, Blue) with { RotationDegrees = 3, Blur = 1.0 },

        // German: ä, ö, ü, ß.
        Sign("de-ausgang-clean", "de", ["Ausgang"], SyntheticFonts.DejaVuSansBold, 64, White, Green),
        Sign("de-strasse-2line", "de", ["Straße gesperrt", "Für Fußgänger"], SyntheticFonts.DejaVuSans, 40, Black, Yellow),
        Sign("de-oeffnung-mono", "de", ["Öffnungszeiten"], SyntheticFonts.DejaVuSansMono, 40, White, Blue),
        Sign("de-stoeren-rot-7-noise", "de", ["Bitte nicht stören"], SyntheticFonts.DejaVuSerif, 40, Black, Paper) with { RotationDegrees = -7, Noise = 15 },

        // Chinese (simplified).
        Sign("zh-exit-clean", "zh", ["出口"], SyntheticFonts.WenQuanYiMicroHei, 80, White, Green),
        Sign("zh-nosmoking-2line", "zh", ["禁止吸烟", "违者罚款"], SyntheticFonts.WenQuanYiMicroHei, 56, White, Red),
        Sign("zh-station-rot5-blur", "zh", ["火车站"], SyntheticFonts.WenQuanYiMicroHei, 64, White, Blue) with { RotationDegrees = 5, Blur = 1.0 },
        Sign("zh-slippery-persp-noise", "zh", ["小心地滑"], SyntheticFonts.WenQuanYiMicroHei, 64, Black, Yellow) with { Perspective = SignPerspective.RecedingRight(25), Noise = 12 },

        // Japanese: hiragana, katakana and kanji.
        Sign("ja-deguchi-clean", "ja", ["出口"], SyntheticFonts.WenQuanYiMicroHei, 80, White, Green),
        Sign("ja-kippu-hiragana", "ja", ["きっぷうりば"], SyntheticFonts.WenQuanYiMicroHei, 56, White, Blue),
        Sign("ja-toire-katakana-rot-5", "ja", ["トイレ"], SyntheticFonts.WenQuanYiMicroHei, 64, Black, Paper) with { RotationDegrees = -5 },
        Sign("ja-tachiiri-2line-blur", "ja", ["立入禁止", "関係者以外"], SyntheticFonts.WenQuanYiMicroHei, 52, White, Red) with { Blur = 1.2 },
    ];

    public static IReadOnlyList<MenuSpec> Menus { get; } =
    [
        new MenuSpec
        {
            Name = "en-lunch", Language = "en", Title = "Lunch Menu",
            Items = [new("Caesar Salad", "$9.50"), new("Grilled Salmon", "$18.00"), new("Chicken Soup", "$6.75"), new("Apple Pie", "$5.25")],
        },
        new MenuSpec
        {
            Name = "es-menu-del-dia", Language = "es", Title = "Menú del día",
            Items = [new("Paella valenciana", "14,50 €"), new("Gazpacho andaluz", "6,00 €"), new("Albóndigas", "9,75 €"), new("Piña asada", "4,50 €")],
        },
        new MenuSpec
        {
            Name = "fr-carte-serif", Language = "fr", Title = "Carte du jour", FontFile = SyntheticFonts.DejaVuSerif,
            Items = [new("Soupe à l'oignon", "8,50 €"), new("Poulet rôti", "15,90 €"), new("Salade niçoise", "11,00 €"), new("Crème brûlée", "6,00 €")],
        },
        new MenuSpec
        {
            Name = "de-speisekarte-rot2", Language = "de", Title = "Speisekarte", RotationDegrees = 2,
            Items = [new("Schweinebraten", "14,90 €"), new("Käsespätzle", "11,50 €"), new("Gemüsesuppe", "5,80 €"), new("Weißwurst", "6,20 €"), new("Apfelstrudel", "4,90 €")],
        },
        new MenuSpec
        {
            Name = "zh-caidan", Language = "zh", Title = "菜单", FontSize = 36,
            Items = [new("宫保鸡丁", "¥38"), new("麻婆豆腐", "¥26"), new("酸辣汤", "¥18"), new("蛋炒饭", "¥22")],
        },
        new MenuSpec
        {
            Name = "ja-oshinagaki-noleader", Language = "ja", Title = "お品書き", FontSize = 36, DottedLeader = false,
            Items = [new("天ぷらそば", "¥980"), new("親子丼", "¥850"), new("味噌汁", "¥200"), new("抹茶アイス", "¥450")],
        },
    ];

    /// <summary>Signs in one language, in corpus order.</summary>
    public static IReadOnlyList<SignSpec> SignsIn(string language) => Signs.Where(s => s.Language == language).ToList();

    public static SignSpec Sign(string name) => Signs.Single(s => s.Name == name);

    private static SignSpec Sign(string name, string language, string[] lines, string font, int size, uint foreground, uint background) => new()
    {
        Name = name,
        Language = language,
        Lines = lines,
        FontFile = font,
        FontSize = size,
        Foreground = foreground,
        Background = background,
        Width = 640,
        Height = lines.Length == 1 ? 200 : 260,
    };
}
