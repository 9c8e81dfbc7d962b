namespace Captions.TestKit.Vision;

/// <summary>
/// Fonts the synthetic signs are drawn with, from Debian packages in scripts/debian-packages.txt: fonts-dejavu-core
/// (Latin with accents) and fonts-wqy-microhei (Chinese, Japanese kana and kanji, Korean).
/// </summary>
public static class SyntheticFonts
{
    public const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public const string DejaVuSansBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public const string DejaVuSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

    public const string DejaVuSansMono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

    public const string WenQuanYiMicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>The default face for a language: WenQuanYi for zh/ja/ko, DejaVu Sans otherwise.</summary>
    public static string ForLanguage(string language) => language switch
    {
        "zh" or "ja" or "ko" => WenQuanYiMicroHei,
        _ => DejaVuSans,
    };
}
