namespace Captions.Vision.Imaging;

/// <summary>
/// Managed RGB resizing by area averaging (each destination pixel is the coverage-weighted mean of the source pixels
/// under it): the right filter for reducing camera frames to a detector's input size, no aliasing, no ringing.
/// </summary>
/// <remarks>
/// The buffer overloads allocate nothing, so a camera loop can reuse one destination per frame size.
/// Threading model: stateless; safe to call from several threads on different destinations.
/// </remarks>
public static class ImageScaler
{
    /// <summary>
    /// <paramref name="source"/> itself when its longer side is at most <paramref name="maxSide"/>, otherwise a
    /// reduced copy (same <see cref="ImageFrame.Sequence"/>, timestamps and origin).
    /// </summary>
    public static ImageFrame ScaleToFit(ImageFrame source, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(source);
        (int width, int height) = ImageDecoder.FitSize(source.Width, source.Height, maxSide);
        if (width == source.Width && height == source.Height)
        {
            return source;
        }

        return ScaleToFit(source, maxSide, new byte[checked(width * height * 3)]);
    }

    /// <summary>
    /// Like <see cref="ScaleToFit(ImageFrame, int)"/> but writes into <paramref name="destination"/> (at least
    /// width * height * 3 bytes of the fitted size) and returns a frame over it; a source that already fits is copied
    /// into it as well, so the result never aliases the source.
    /// </summary>
    public static ImageFrame ScaleToFit(ImageFrame source, int maxSide, byte[] destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        (int width, int height) = ImageDecoder.FitSize(source.Width, source.Height, maxSide);
        Resize(source, destination, width, height, width * 3);
        return new ImageFrame(destination, width, height, width * 3)
        {
            Sequence = source.Sequence,
            Timestamp = source.Timestamp,
            CapturedAt = source.CapturedAt,
            Origin = source.Origin,
        };
    }

    /// <summary>Resizes <paramref name="source"/> to <paramref name="width"/> x <paramref name="height"/> into <paramref name="destination"/>.</summary>
    public static void Resize(ImageFrame source, Span<byte> destination, int width, int height, int destinationStride)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(destinationStride, width * 3);
        if ((long)destinationStride * (height - 1) + (width * 3) > destination.Length)
        {
            throw new ArgumentException($"{width}x{height} RGB with stride {destinationStride} does not fit in {destination.Length} bytes", nameof(destination));
        }

        if (width == source.Width && height == source.Height)
        {
            for (int y = 0; y < height; y++)
            {
                source.Row(y).CopyTo(destination.Slice(y * destinationStride, width * 3));
            }

            return;
        }

        ReadOnlySpan<byte> pixels = source.Pixels;
        int sourceStride = source.Stride;
        double scaleX = (double)source.Width / width;
        double scaleY = (double)source.Height / height;
        for (int dy = 0; dy < height; dy++)
        {
            double top = dy * scaleY;
            double bottom = Math.Min((dy + 1) * scaleY, source.Height);
            int firstRow = (int)top;
            int endRow = Math.Min((int)Math.Ceiling(bottom), source.Height);
            Span<byte> output = destination.Slice(dy * destinationStride, width * 3);
            for (int dx = 0; dx < width; dx++)
            {
                double left = dx * scaleX;
                double right = Math.Min((dx + 1) * scaleX, source.Width);
                int firstColumn = (int)left;
                int endColumn = Math.Min((int)Math.Ceiling(right), source.Width);
                double r = 0, g = 0, b = 0, area = 0;
                for (int sy = firstRow; sy < endRow; sy++)
                {
                    double wy = Math.Min(sy + 1, bottom) - Math.Max(sy, top);
                    ReadOnlySpan<byte> row = pixels.Slice(sy * sourceStride, source.Width * 3);
                    for (int sx = firstColumn; sx < endColumn; sx++)
                    {
                        double weight = wy * (Math.Min(sx + 1, right) - Math.Max(sx, left));
                        int o = sx * 3;
                        r += row[o] * weight;
                        g += row[o + 1] * weight;
                        b += row[o + 2] * weight;
                        area += weight;
                    }
                }

                int d = dx * 3;
                output[d] = (byte)Math.Clamp((int)((r / area) + 0.5), 0, 255);
                output[d + 1] = (byte)Math.Clamp((int)((g / area) + 0.5), 0, 255);
                output[d + 2] = (byte)Math.Clamp((int)((b / area) + 0.5), 0, 255);
            }
        }
    }
}
