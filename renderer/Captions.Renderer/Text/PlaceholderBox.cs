namespace Captions.Renderer.Text;

/// <summary>
/// The hollow box drawn for a character no font has (like a font's .notdef, but always visible: some fonts'
/// .notdef is blank). Half an em wide, 0.7 em tall, sitting on the baseline, stroke 1/16 em (at least 1 px).
/// </summary>
internal readonly record struct PlaceholderBox(int Width, int Height, int Stroke, int Left, int Advance)
{
    public static PlaceholderBox Measure(int sizePx)
    {
        int width = Math.Max(3, (sizePx + 1) / 2);
        int height = Math.Max(4, ((sizePx * 7) + 5) / 10);
        int stroke = Math.Max(1, sizePx / 16);
        int left = Math.Max(1, sizePx / 12);
        return new PlaceholderBox(width, height, stroke, left, width + (2 * left));
    }

    public void Draw(Span<byte> pixels)
    {
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                bool edge = x < Stroke || y < Stroke || x >= Width - Stroke || y >= Height - Stroke;
                pixels[(y * Width) + x] = edge ? (byte)255 : (byte)0;
            }
        }
    }
}
