using Captions.Vision.Imaging;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// Resizes an RGB frame into a planar float tensor the way PaddleOCR's preprocessing does: OpenCV's bilinear
/// <c>cv2.resize</c> (half-pixel centres, no anti-aliasing, rounded to 8 bits), channels in BGR order (PaddleOCR
/// reads images with cv2.imread, so its models were trained on BGR), then <c>(x / 255 - mean) / std</c> per channel.
/// </summary>
internal static class ImageTensor
{
    /// <summary>
    /// Writes <paramref name="frame"/> resized to <paramref name="width"/> x <paramref name="height"/> into the
    /// top-left of the [3, <paramref name="planeHeight"/>, <paramref name="planeWidth"/>] tensor; the rest of the
    /// planes (padding) is left as it is.
    /// </summary>
    /// <param name="mean">Per BGR channel.</param>
    /// <param name="std">Per BGR channel.</param>
    public static void ResizeNormalize(
        ImageFrame frame,
        int width,
        int height,
        Span<float> tensor,
        int planeWidth,
        int planeHeight,
        ReadOnlySpan<float> mean,
        ReadOnlySpan<float> std)
    {
        int plane = planeWidth * planeHeight;
        if (tensor.Length < 3 * plane || width > planeWidth || height > planeHeight)
        {
            throw new ArgumentException($"A {width}x{height} image does not fit a [3, {planeHeight}, {planeWidth}] tensor of {tensor.Length}.");
        }

        // Channel c of the tensor is BGR channel c: RGB byte offset 2 - c.
        Span<float> gain = stackalloc float[3];
        Span<float> offset = stackalloc float[3];
        for (int c = 0; c < 3; c++)
        {
            gain[c] = 1f / (255f * std[c]);
            offset[c] = -mean[c] / std[c];
        }

        byte[] pixels = frame.Pixels;
        int stride = frame.Stride;
        double scaleX = (double)frame.Width / width;
        double scaleY = (double)frame.Height / height;
        for (int y = 0; y < height; y++)
        {
            (int y0, int y1, float fy) = Source(y, scaleY, frame.Height);
            int rowA = y0 * stride;
            int rowB = y1 * stride;
            int target = y * planeWidth;
            for (int x = 0; x < width; x++)
            {
                (int x0, int x1, float fx) = Source(x, scaleX, frame.Width);
                int a = rowA + (x0 * 3);
                int b = rowA + (x1 * 3);
                int cc = rowB + (x0 * 3);
                int d = rowB + (x1 * 3);
                for (int c = 0; c < 3; c++)
                {
                    int k = 2 - c;
                    float top = pixels[a + k] + ((pixels[b + k] - pixels[a + k]) * fx);
                    float bottom = pixels[cc + k] + ((pixels[d + k] - pixels[cc + k]) * fx);
                    float value = MathF.Round(top + ((bottom - top) * fy));
                    tensor[(c * plane) + target + x] = (value * gain[c]) + offset[c];
                }
            }
        }
    }

    /// <summary>Zeroes columns [<paramref name="fromX"/>, planeWidth) of every row of the three planes.</summary>
    public static void ClearRight(Span<float> tensor, int fromX, int planeWidth, int planeHeight)
    {
        if (fromX >= planeWidth)
        {
            return;
        }

        for (int row = 0; row < 3 * planeHeight; row++)
        {
            tensor.Slice((row * planeWidth) + fromX, planeWidth - fromX).Clear();
        }
    }

    // cv2 INTER_LINEAR: src = (dst + 0.5) * scale - 0.5, clamped to the image (edge pixels repeat).
    private static (int I0, int I1, float F) Source(int index, double scale, int size)
    {
        double s = ((index + 0.5) * scale) - 0.5;
        int i0 = (int)Math.Floor(s);
        float f = (float)(s - i0);
        if (i0 < 0)
        {
            return (0, 0, 0f);
        }

        if (i0 >= size - 1)
        {
            return (size - 1, size - 1, 0f);
        }

        return (i0, i0 + 1, f);
    }
}
