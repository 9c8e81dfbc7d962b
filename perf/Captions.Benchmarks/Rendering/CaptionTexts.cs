namespace Captions.Benchmarks.Rendering;

/// <summary>
/// Caption texts for the real-scene benchmarks. English translations are 76..86 characters, so each fills the two
/// 42-character rows of the default style; the Spanish source (42..51 characters) fits the one source row above. The Chinese translation is 41 ideographs
/// and punctuation: two rows of ~23 at 49 px. Unseen ideographs come from <see cref="IdeographWalker"/>.
/// </summary>
internal static class CaptionTexts
{
    public static readonly (string Source, string Translation)[] English =
    [
        ("la reunión empieza a las tres en el segundo piso", "The meeting starts at three in the big room on the second floor, bring your notes."),
        ("el tren a Madrid sale con veinte minutos de retraso", "The train to Madrid leaves twenty minutes late because of the fog over the valley."),
        ("hoy la cafetería cierra antes por las máquinas", "Today the cafeteria closes early because they are replacing the coffee machines."),
        ("apaguen los teléfonos antes de la película", "Please switch off your phones before the film starts, and enjoy the evening."),
        ("la farmacia abre los domingos de diez a dos", "The pharmacy on the corner opens on Sundays from ten to two, closed on holidays."),
        ("necesitamos tres voluntarios para las sillas", "We need three volunteers to stack the chairs afterwards, it only takes ten minutes."),
    ];

    /// <summary>English sources above Chinese translations, one row each at the source size.</summary>
    public static readonly string[] EnglishSources =
    [
        "The meeting starts at three on the second floor.",
        "The train to Madrid leaves twenty minutes late.",
        "The cafeteria closes early today.",
        "Please switch off your phones before the film.",
        "The pharmacy opens on Sundays from ten to two.",
        "We need three volunteers to stack the chairs.",
    ];

    public const string ChineseSource = "The meeting starts at three on the second floor.";

    public const string ChineseTranslation = "会议三点在二楼的大会议室开始，请带上你的笔记和打印好的议程，我们先讨论明年的预算。";
}
