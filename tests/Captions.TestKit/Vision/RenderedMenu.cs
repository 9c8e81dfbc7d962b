using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.TestKit.Vision;

/// <summary>
/// A rendered menu: the PNG, its spec, and where the title, each item's name and each item's price are (quads in
/// the same order as <see cref="MenuSpec.Items"/>, after perspective and rotation).
/// </summary>
public sealed record RenderedMenu(MenuSpec Spec, string PngPath, Quad TitleBox, IReadOnlyList<Quad> NameBoxes, IReadOnlyList<Quad> PriceBoxes)
{
    /// <summary>The items a menu reader should return, in order.</summary>
    public IReadOnlyList<MenuItemSpec> ExpectedItems => Spec.Items;

    public ImageFrame LoadFrame() => TestImages.DecodeWithFfmpeg(PngPath);
}
