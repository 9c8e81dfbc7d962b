using System.Drawing;
using Captions.Vision.Imaging;

namespace Captions.TestKit.Vision;

/// <summary>
/// A scripted video for sign-pipeline tests (not a renderer of text): each frame lists its signs; rendering paints each
/// sign as a block in a key colour unique to its text (blue 200, red and green from the text's index) with dark
/// vertical bands from a hash of the text, so fingerprints follow a sign as it moves and change when its text does,
/// and <see cref="ScriptedTextRecognizer"/> can tell from a crop which text it is.
/// </summary>
public sealed class ScriptedScene
{
    private const byte KeyBlue = 200;
    private const byte Background = 30;
    private readonly List<string> _texts = [];
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);

    public ScriptedScene(int width, int height, IReadOnlyList<IReadOnlyList<ScriptedSign>> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        Width = width;
        Height = height;
        Frames = frames;
        foreach (var sign in frames.SelectMany(f => f))
        {
            if (!_keys.ContainsKey(sign.Text))
            {
                _keys[sign.Text] = _texts.Count;
                _texts.Add(sign.Text);
            }
        }
    }

    public int Width { get; }

    public int Height { get; }

    public IReadOnlyList<IReadOnlyList<ScriptedSign>> Frames { get; }

    /// <summary>Frame interval on the scene's timeline (30 fps).</summary>
    public static TimeSpan FrameInterval => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30);

    /// <summary>A scene of <paramref name="count"/> frames, each built by <paramref name="frame"/> from its index.</summary>
    public static ScriptedScene Build(int width, int height, int count, Func<int, IEnumerable<ScriptedSign>> frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new ScriptedScene(width, height, [.. Enumerable.Range(0, count).Select(i => (IReadOnlyList<ScriptedSign>)[.. frame(i)])]);
    }

    public ImageFrame Render(int index)
    {
        var frame = ImageFrame.Create(Width, Height);
        frame.Pixels.AsSpan().Fill(Background);
        foreach (var sign in Frames[index])
        {
            Paint(frame, sign);
        }

        return new ImageFrame(frame.Pixels, Width, Height, frame.Stride)
        {
            Sequence = index,
            Timestamp = FrameInterval * index,
            Origin = $"scripted frame {index}",
        };
    }

    /// <summary>The text whose key colour covers most of <paramref name="crop"/>, or null when none does.</summary>
    public string? TextIn(ImageFrame crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        var counts = new Dictionary<int, int>();
        for (var y = 0; y < crop.Height; y++)
        {
            var row = crop.Row(y);
            for (var x = 0; x < crop.Width; x++)
            {
                var (r, g, b) = (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
                if (b == KeyBlue && r >= 64 && g >= 64)
                {
                    var key = (r - 64) + ((g - 64) * 128);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts.Count == 0 ? null : _texts[counts.MaxBy(c => c.Value).Key];
    }

    private void Paint(ImageFrame frame, ScriptedSign sign)
    {
        var key = _keys[sign.Text];
        var (r, g) = ((byte)(64 + (key % 128)), (byte)(64 + (key / 128)));
        var hash = Hash(sign.Text);
        var box = Rectangle.Intersect(Rectangle.Round(sign.Box), new Rectangle(0, 0, frame.Width, frame.Height));
        for (var y = box.Top; y < box.Bottom; y++)
        {
            var row = frame.Row(y);
            for (var x = box.Left; x < box.Right; x++)
            {
                // 16 bands across the sign; a band is dark when its bit of the text's hash is set (never all of them).
                var band = (int)((x - sign.Box.Left) * 16 / sign.Box.Width);
                var dark = ((hash >> Math.Clamp(band, 0, 15)) & 1) == 1 && band % 4 != 0;
                row[x * 3] = dark ? (byte)(r / 2) : r;
                row[(x * 3) + 1] = dark ? (byte)(g / 2) : g;
                row[(x * 3) + 2] = dark ? (byte)(KeyBlue / 2) : KeyBlue;
            }
        }
    }

    private static uint Hash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
