using System.Drawing;
using System.Numerics;
using Captions.Vision.Geometry;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.Vision.Tests.Ocr;

public sealed class CropExtractorTests
{
    [Fact]
    public void Extract_AxisAlignedQuad_CopiesThePixelsExactly()
    {
        var frame = Gradient(64, 48);

        var crop = CropExtractor.Extract(frame, Quad.FromRectangle(new RectangleF(10, 5, 30, 12)));

        crop.Width.Should().Be(30);
        crop.Height.Should().Be(12);
        for (int y = 0; y < crop.Height; y++)
        {
            for (int x = 0; x < crop.Width; x++)
            {
                Pixel(crop, x, y).Should().Be(Pixel(frame, x + 10, y + 5), $"crop pixel ({x}, {y})");
            }
        }
    }

    [Fact]
    public void Extract_HalfPixelSample_UsesOpenCvCubicWeights()
    {
        // Halfway between columns 1 and 2 of [100, 100, 100, 200], OpenCV's INTER_CUBIC (a = -0.75) weighs the four
        // columns -0.09375, 0.59375, 0.59375, -0.09375: 100 * 1.09375 - 200 * 0.09375 = 90.6. Bilinear would give 100;
        // the cubic's undershoot next to an edge is the sharpening PP-OCR's recogniser was trained on.
        var frame = ImageFrame.Create(4, 1);
        int[] columns = [100, 100, 100, 200];
        for (int x = 0; x < 4; x++)
        {
            SetPixel(frame, x, 0, (columns[x], columns[x], columns[x]));
        }

        var crop = CropExtractor.Extract(frame, Quad.FromRectangle(new RectangleF(1.5f, 0, 1, 1)));

        crop.Width.Should().Be(1);
        Pixel(crop, 0, 0).Should().Be(((byte)91, (byte)91, (byte)91));
    }

    [Fact]
    public void Extract_KeepsFrameMetadata()
    {
        var frame = new ImageFrame(new byte[30 * 20 * 3], 30, 20, 90) { Sequence = 7, Timestamp = TimeSpan.FromSeconds(2), CapturedAt = 99, Origin = "photo a.jpg" };

        var crop = CropExtractor.Extract(frame, Quad.FromRectangle(new RectangleF(0, 0, 10, 5)));

        crop.Sequence.Should().Be(7);
        crop.Timestamp.Should().Be(TimeSpan.FromSeconds(2));
        crop.CapturedAt.Should().Be(99);
        crop.Origin.Should().Be("photo a.jpg");
    }

    [Fact]
    public void Extract_RotatedQuad_StraightensTheContent()
    {
        // A 40x10 red bar with a blue left end, drawn rotated by 30 degrees about (50, 50).
        var frame = White(100, 100);
        float angle = 30 * MathF.PI / 180;
        var u = new Vector2(MathF.Cos(angle), MathF.Sin(angle));
        var v = new Vector2(-u.Y, u.X);
        var center = new Vector2(50, 50);
        for (int y = 0; y < 100; y++)
        {
            for (int x = 0; x < 100; x++)
            {
                var d = new Vector2(x, y) - center;
                float along = Vector2.Dot(d, u);
                float across = Vector2.Dot(d, v);
                if (MathF.Abs(along) <= 20 && MathF.Abs(across) <= 5)
                {
                    SetPixel(frame, x, y, along < -10 ? (0, 0, 255) : (255, 0, 0));
                }
            }
        }

        var quad = new Quad(center - (u * 20) - (v * 5), center + (u * 20) - (v * 5), center + (u * 20) + (v * 5), center - (u * 20) + (v * 5));

        var crop = CropExtractor.Extract(frame, quad);

        crop.Width.Should().Be(40);
        crop.Height.Should().Be(10);
        // Away from the anti-aliased edges: blue on the left quarter, red on the right half.
        Pixel(crop, 4, 5).Should().Match<(byte R, byte G, byte B)>(p => p.B > 200 && p.R < 60);
        Pixel(crop, 30, 5).Should().Match<(byte R, byte G, byte B)>(p => p.R > 200 && p.B < 60);
        Pixel(crop, 20, 5).Should().Match<(byte R, byte G, byte B)>(p => p.R > 200 && p.G < 60);
    }

    [Fact]
    public void Extract_PerspectiveQuad_MapsCornersToCorners()
    {
        var frame = White(120, 80);
        SetPixel(frame, 10, 10, (255, 0, 0));
        SetPixel(frame, 100, 20, (0, 255, 0));
        SetPixel(frame, 20, 60, (0, 0, 255));
        var quad = new Quad(new Vector2(10, 10), new Vector2(100, 20), new Vector2(110, 70), new Vector2(20, 60));

        var crop = CropExtractor.Extract(frame, quad);

        // Width = longer of top (90.55) and bottom (90.55) edges, height = longer of left (50.99) and right (50.99).
        crop.Width.Should().Be(90);
        crop.Height.Should().Be(50);
        Pixel(crop, 0, 0).Should().Be(((byte)255, (byte)0, (byte)0));
        Pixel(crop, 0, crop.Height - 1).B.Should().BeGreaterThan(Pixel(crop, 0, 0).B);
    }

    [Fact]
    public void Extract_TallQuad_IsTurnedCounterClockwise()
    {
        // A vertical strip 10 wide, 40 tall: the top is red. Turned counter-clockwise, the top ends on the left.
        var frame = White(50, 60);
        for (int y = 5; y < 45; y++)
        {
            for (int x = 20; x < 30; x++)
            {
                SetPixel(frame, x, y, y < 15 ? (255, 0, 0) : (0, 0, 0));
            }
        }

        var crop = CropExtractor.Extract(frame, Quad.FromRectangle(new RectangleF(20, 5, 10, 40)));

        crop.Width.Should().Be(40);
        crop.Height.Should().Be(10);
        Pixel(crop, 2, 5).Should().Be(((byte)255, (byte)0, (byte)0));
        Pixel(crop, 35, 5).Should().Be(((byte)0, (byte)0, (byte)0));
    }

    [Fact]
    public void Extract_SlightlyTallQuad_IsNotTurned()
    {
        var crop = CropExtractor.Extract(Gradient(64, 64), Quad.FromRectangle(new RectangleF(0, 0, 20, 29)));

        crop.Width.Should().Be(20);
        crop.Height.Should().Be(29);
    }

    [Fact]
    public void Extract_QuadOutsideFrame_ReplicatesTheBorder()
    {
        var frame = Gradient(20, 20);

        var crop = CropExtractor.Extract(frame, Quad.FromRectangle(new RectangleF(-10, -10, 15, 12)));

        crop.Width.Should().Be(15);
        crop.Height.Should().Be(12);
        Pixel(crop, 0, 0).Should().Be(Pixel(frame, 0, 0));
    }

    [Fact]
    public void Extract_DegenerateQuad_GivesOnePixel()
    {
        var point = new Vector2(5, 5);

        var crop = CropExtractor.Extract(Gradient(10, 10), new Quad(point, point, point, point));

        crop.Width.Should().Be(1);
        crop.Height.Should().Be(1);
    }

    [Fact]
    public void Rotate180_Twice_IsIdentity()
    {
        var frame = Gradient(17, 9);

        var once = CropExtractor.Rotate180(frame);
        var twice = CropExtractor.Rotate180(once);

        Pixel(once, 0, 0).Should().Be(Pixel(frame, 16, 8));
        Pixel(once, 16, 0).Should().Be(Pixel(frame, 0, 8));
        twice.Pixels.Should().Equal(frame.Pixels);
    }

    [Fact]
    public void RotateCounterClockwise_SwapsSidesAndMovesTopRightToTopLeft()
    {
        var frame = Gradient(7, 3);

        var turned = CropExtractor.RotateCounterClockwise(frame);

        turned.Width.Should().Be(3);
        turned.Height.Should().Be(7);
        Pixel(turned, 0, 0).Should().Be(Pixel(frame, 6, 0));
        Pixel(turned, 2, 6).Should().Be(Pixel(frame, 0, 2));
    }

    private static ImageFrame Gradient(int width, int height)
    {
        var frame = ImageFrame.Create(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                SetPixel(frame, x, y, ((byte)(x * 3), (byte)(y * 5), (byte)((x + y) % 256)));
            }
        }

        return frame;
    }

    private static ImageFrame White(int width, int height)
    {
        var frame = ImageFrame.Create(width, height);
        frame.Pixels.AsSpan().Fill(255);
        return frame;
    }

    private static (byte R, byte G, byte B) Pixel(ImageFrame frame, int x, int y)
    {
        var row = frame.Row(y);
        return (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
    }

    private static void SetPixel(ImageFrame frame, int x, int y, (int R, int G, int B) color)
    {
        var row = frame.Row(y);
        row[x * 3] = (byte)color.R;
        row[(x * 3) + 1] = (byte)color.G;
        row[(x * 3) + 2] = (byte)color.B;
    }
}
