using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.Vision.Signs;

/// <summary>
/// The default crop until a perspective crop is injected: the quad's bounding box clamped to the frame (at least
/// 1x1), copied row by row. Good for upright text; rotated text needs the straightening crop.
/// </summary>
internal static class AxisAlignedCrop
{
    public static ImageFrame Crop(ImageFrame frame, Quad box)
    {
        var b = box.Bounds;
        var left = Math.Clamp((int)MathF.Floor(b.Left), 0, frame.Width - 1);
        var top = Math.Clamp((int)MathF.Floor(b.Top), 0, frame.Height - 1);
        var right = Math.Clamp((int)MathF.Ceiling(b.Right), left + 1, frame.Width);
        var bottom = Math.Clamp((int)MathF.Ceiling(b.Bottom), top + 1, frame.Height);
        var width = right - left;
        var height = bottom - top;
        var crop = ImageFrame.Create(width, height);
        for (var y = 0; y < height; y++)
        {
            frame.Pixels.AsSpan(((top + y) * frame.Stride) + (left * 3), width * 3).CopyTo(crop.Row(y));
        }

        return crop;
    }
}
