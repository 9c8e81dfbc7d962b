using System.Numerics;
using System.Text;
using System.Text.Json;
using Captions.Engine.Timing;
using Captions.TestKit.Time;
using Captions.Vision.Display;
using Captions.Vision.Geometry;
using Captions.Vision.Output;
using Captions.Vision.Signs;

namespace Captions.Vision.Tests.Output;

public sealed class SignEventWriterTests
{
    private static readonly Quad s_box = Quad.FromRectangle(new System.Drawing.RectangleF(100, 50, 200, 40));

    [Fact]
    public void Write_SignAppearsTranslatesMovesAndLeaves_WritesAppearedChangedRetiredOnly()
    {
        var time = new ManualTimeProvider();
        var clock = new PipelineClock(time);
        using var stream = new MemoryStream();
        using (var writer = new SignEventWriter(stream, clock, leaveOpen: true))
        {
            var sign = Item(1, "出口", null, s_box);
            writer.Write(Snapshot(0, sign));
            writer.Write(Snapshot(1, sign with { Box = Shift(s_box, 5) }));
            writer.Write(Snapshot(2, sign with { Translation = "Exit", Box = Shift(s_box, 10) }));
            writer.Write(Snapshot(3));
            writer.Complete(droppedFrames: 7);
        }

        var lines = Lines(stream);
        lines.Select(l => l.GetProperty("type").GetString()).Should().Equal("appeared", "changed", "retired", "end");
        lines[0].GetProperty("text").GetString().Should().Be("出口");
        lines[0].GetProperty("translation").ValueKind.Should().Be(JsonValueKind.Null);
        lines[1].GetProperty("translation").GetString().Should().Be("Exit");
        lines[1].GetProperty("frame").GetInt64().Should().Be(2);
        lines[2].GetProperty("id").GetInt64().Should().Be(1);
        lines[3].GetProperty("dropped").GetInt64().Should().Be(7);
        lines[3].GetProperty("frames").GetInt32().Should().Be(4);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("出口", "CJK text is written as UTF-8, not escaped");
    }

    [Fact]
    public void Write_WithCalibration_WritesDisplayCornersAndMenuPrice()
    {
        var clock = new PipelineClock(new ManualTimeProvider());
        using var stream = new MemoryStream();
        using (var writer = new SignEventWriter(stream, clock, leaveOpen: true) { Calibration = CameraCalibration.Fit(1280, 720, 640, 360) })
        {
            writer.Write(Snapshot(0, Item(9, "Paella", "Paella", s_box) with { Kind = SignKind.MenuItem, Price = "12,50 €" }));
        }

        var line = Lines(stream).Single();
        line.GetProperty("kind").GetString().Should().Be("menu");
        line.GetProperty("price").GetString().Should().Be("12,50 €");
        line.GetProperty("box").EnumerateArray().Select(v => v.GetDouble()).Should().Equal(100, 50, 300, 50, 300, 90, 100, 90);
        line.GetProperty("display").EnumerateArray().Select(v => v.GetDouble()).Should().Equal(50, 25, 150, 25, 150, 45, 50, 45);
    }

    private static SignItem Item(long id, string text, string? translation, Quad box) =>
        new(id, SignKind.Sign, text, translation, "zh", box, null, "ppocr", 0);

    private static SignSnapshot Snapshot(long sequence, params SignItem[] items) =>
        new(sequence, TimeSpan.FromMilliseconds(33 * sequence), 1280, 720, items, new SignFrameTimings(1, 2, 3, 4, 5));

    private static Quad Shift(Quad q, float dx) =>
        new(q.TopLeft + new Vector2(dx, 0), q.TopRight + new Vector2(dx, 0), q.BottomRight + new Vector2(dx, 0), q.BottomLeft + new Vector2(dx, 0));

    private static List<JsonElement> Lines(MemoryStream stream) =>
        [.. Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
}
