using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.Vision.Ocr;

/// <summary>
/// How lines are cut out and which readings count, by which recogniser reads them: what `captions look` runs and the
/// vision benchmark measures, so both use the same choices.
/// </summary>
public static class RecognitionProfile
{
    /// <summary>
    /// Background added at both ends of a line read by PP-OCR, as a fraction of the line's height (0.1: on the
    /// synthetic corpus 0.1 and 0.2 on every side both restored the dropped spaces, 0.2 added a stray "．" after one
    /// Chinese dish; 0.1 at the ends only keeps the spaces and opencv's scenetext05 "NO PARKING").
    /// </summary>
    public const float PaddleCropPadding = 0.1f;

    /// <summary>PaddleOCR's drop_score: PP-OCR readings under it count as nothing readable.</summary>
    public const float PaddleMinConfidence = 0.5f;

    /// <summary>Whether PP-OCR reads the crops (ocr "ppocr", or "auto" for English, Chinese and auto) rather than Tesseract.</summary>
    public static bool PaddleReads(string ocr, string sourceLanguage) => ocr switch
    {
        "ppocr" => true,
        "tesseract" => false,
        _ => sourceLanguage == OcrLanguageRouter.Auto || OcrLanguageRouter.IsPrimaryLanguage(sourceLanguage),
    };

    /// <summary>
    /// How a detected line is cut out for the recogniser that will read it. PP-OCR gets the line lengthened by
    /// <see cref="PaddleCropPadding"/> of its height at both ends: on the detector's tight box its recogniser drops word
    /// spaces ("ATANY TIME", "ChickenSoup" on the synthetic corpus; with the margin both read right). Tesseract gets the
    /// exact box: it adds its own blank border, and more of the frame pulls the neighbouring dotted leaders into a
    /// price line (measured on the es and de corpus menus: "14,550€", ". -6,00 €").
    /// </summary>
    public static Func<ImageFrame, Quad, ImageFrame> Crop(string ocr, string sourceLanguage) =>
        PaddleReads(ocr, sourceLanguage) ? (frame, quad) => CropExtractor.ExtractPadded(frame, quad, PaddleCropPadding) : CropExtractor.Extract;

    /// <summary>
    /// The confidence floor: PaddleOCR's 0.5 when PP-OCR reads; none for Tesseract, whose mean word confidence is on
    /// another scale (correct price lines on the corpus menus scored under 0.3) and which returns blank crops empty
    /// itself.
    /// </summary>
    public static float MinConfidence(string ocr, string sourceLanguage) => PaddleReads(ocr, sourceLanguage) ? PaddleMinConfidence : 0f;
}
