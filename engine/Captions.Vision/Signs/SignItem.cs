using Captions.Vision.Geometry;

namespace Captions.Vision.Signs;

/// <summary>
/// One steady overlay the vision pipeline shows: a tracked text region whose reading won the vote across frames.
/// </summary>
/// <param name="Id">Track id, stable while the text stays in view; a new id means a new overlay.</param>
/// <param name="Kind">Sign line or menu item.</param>
/// <param name="SourceText">The voted reading (for a menu item: the dish name without its price).</param>
/// <param name="Translation">The translation, or null until it arrives (or when translation failed / is off).</param>
/// <param name="SourceLanguage">Language the text was read as ("en", "zh", "ja", ...).</param>
/// <param name="Box">Where it is in the latest frame, camera pixels.</param>
/// <param name="Price">A menu item's price exactly as printed ("12.50 €", "¥980"), never translated; null for signs.</param>
/// <param name="Engine">Which recogniser read it ("ppocr", "tesseract:jpn").</param>
/// <param name="Order">Position in reading order (menus keep the menu's order).</param>
public sealed record SignItem(
    long Id,
    SignKind Kind,
    string SourceText,
    string? Translation,
    string SourceLanguage,
    Quad Box,
    string? Price,
    string Engine,
    int Order);
