using Captions.Renderer.Scene;
using Captions.Vision.Display;
using Captions.Vision.Signs;

namespace Captions.Cli.Look;

/// <summary>
/// Turns the vision pipeline's snapshot into the compositor's overlays: each item's camera box mapped through the
/// calibration into eye pixels, labelled "Sign" or "Menu", showing the translation (a menu item's price appended as
/// printed) or the source text until the translation lands. At most <see cref="CaptionScene.OverlayCapacity"/> items,
/// in the snapshot's reading order; the rest are counted in <see cref="Truncated"/>.
/// </summary>
/// <remarks>Threading model: the look command's snapshot loop only; the array handed to the display is reused.</remarks>
internal sealed class SignOverlayMapper
{
    private readonly SignOverlay[] _overlays = new SignOverlay[CaptionScene.OverlayCapacity];

    public SignOverlayMapper(CameraCalibration calibration)
    {
        Calibration = calibration;
    }

    public CameraCalibration Calibration { get; set; }

    /// <summary>Items left out because the compositor shows at most 16 overlays.</summary>
    public long Truncated { get; private set; }

    public ReadOnlySpan<SignOverlay> Map(SignSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var count = Math.Min(snapshot.Items.Count, _overlays.Length);
        Truncated += snapshot.Items.Count - count;
        for (var i = 0; i < count; i++)
        {
            _overlays[i] = Map(snapshot.Items[i]);
        }

        return _overlays.AsSpan(0, count);
    }

    public SignOverlay Map(SignItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var box = Calibration.Map(item.Box).Bounds;
        var label = item.Kind == SignKind.MenuItem ? "Menu" : "Sign";
        var source = item.Price is null ? item.SourceText : $"{item.SourceText}  {item.Price}";
        var translation = item.Translation is null ? null : item.Price is null ? item.Translation : $"{item.Translation}  {item.Price}";
        return new SignOverlay(
            source,
            translation,
            label,
            (int)Math.Round(box.X),
            (int)Math.Round(box.Y),
            Math.Max(1, (int)Math.Round(box.Width)),
            Math.Max(1, (int)Math.Round(box.Height)));
    }
}
