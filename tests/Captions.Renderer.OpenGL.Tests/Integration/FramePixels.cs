using Captions.Renderer.Drawing;

namespace Captions.Renderer.OpenGL.Tests.Integration;

/// <summary>Pixel queries on side-by-side RGBA frames (left eye in the left half), in eye coordinates.</summary>
internal static class FramePixels
{
    /// <summary>Pixels whose R+G+B is above zero.</summary>
    public static int NonBlack(ReadOnlySpan<byte> rgba)
    {
        var count = 0;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            count += rgba[i] + rgba[i + 1] + rgba[i + 2] > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Largest colour channel inside a rectangle of one eye (clipped to the eye).</summary>
    public static int MaxChannel(byte[] rgba, int eyeWidth, int eyeHeight, int eye, Rect rect)
    {
        var max = 0;
        ForEach(rgba, eyeWidth, eyeHeight, eye, rect, (r, g, b) => max = Math.Max(max, Math.Max(r, Math.Max(g, b))));
        return max;
    }

    /// <summary>Non-black pixels inside a rectangle of one eye.</summary>
    public static int NonBlackIn(byte[] rgba, int eyeWidth, int eyeHeight, int eye, Rect rect)
    {
        var count = 0;
        ForEach(rgba, eyeWidth, eyeHeight, eye, rect, (r, g, b) => count += r + g + b > 0 ? 1 : 0);
        return count;
    }

    /// <summary>The bytes of a rectangle of one eye, row after row (for byte-exact comparisons).</summary>
    public static byte[] Crop(byte[] rgba, int eyeWidth, int eye, Rect rect)
    {
        var stride = 2 * eyeWidth * 4;
        var result = new byte[rect.Width * rect.Height * 4];
        for (var y = 0; y < rect.Height; y++)
        {
            rgba.AsSpan(((rect.Y + y) * stride) + (((eye * eyeWidth) + rect.X) * 4), rect.Width * 4).CopyTo(result.AsSpan(y * rect.Width * 4));
        }

        return result;
    }

    /// <summary>Rightmost non-black column of one eye inside the rows [top, bottom), or -1.</summary>
    public static int RightmostLit(byte[] rgba, int eyeWidth, int eye, int top, int bottom)
    {
        var stride = 2 * eyeWidth * 4;
        for (var x = eyeWidth - 1; x >= 0; x--)
        {
            for (var y = top; y < bottom; y++)
            {
                var i = (y * stride) + (((eye * eyeWidth) + x) * 4);
                if (rgba[i] + rgba[i + 1] + rgba[i + 2] > 0)
                {
                    return x;
                }
            }
        }

        return -1;
    }

    /// <summary>The smallest rectangle holding the quads that pass <paramref name="select"/>, moved by an eye offset.</summary>
    public static Rect Bounds(ReadOnlySpan<DrawQuad> quads, Func<DrawQuad, bool> select, EyeOffset offset)
    {
        int left = int.MaxValue, top = int.MaxValue, right = int.MinValue, bottom = int.MinValue;
        foreach (var q in quads)
        {
            if (!select(q))
            {
                continue;
            }

            left = Math.Min(left, q.X);
            top = Math.Min(top, q.Y);
            right = Math.Max(right, q.X + q.Width);
            bottom = Math.Max(bottom, q.Y + q.Height);
        }

        return left == int.MaxValue ? default : new Rect(left + offset.X, top + offset.Y, right - left, bottom - top);
    }

    private static void ForEach(byte[] rgba, int eyeWidth, int eyeHeight, int eye, Rect rect, Action<int, int, int> visit)
    {
        var stride = 2 * eyeWidth * 4;
        for (var y = Math.Max(0, rect.Y); y < Math.Min(eyeHeight, rect.Y + rect.Height); y++)
        {
            for (var x = Math.Max(0, rect.X); x < Math.Min(eyeWidth, rect.X + rect.Width); x++)
            {
                var i = (y * stride) + (((eye * eyeWidth) + x) * 4);
                visit(rgba[i], rgba[i + 1], rgba[i + 2]);
            }
        }
    }

    /// <summary>A pixel rectangle in eye coordinates.</summary>
    internal readonly record struct Rect(int X, int Y, int Width, int Height)
    {
        public bool IsEmpty => Width <= 0 || Height <= 0;
    }
}
