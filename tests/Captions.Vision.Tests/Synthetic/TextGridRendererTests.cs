using Captions.TestKit.Vision;

namespace Captions.Vision.Tests.Synthetic;

public sealed class TextGridRendererTests
{
    [Theory]
    [InlineData(1280, 720, 1)]
    [InlineData(1280, 720, 10)]
    [InlineData(1280, 720, 50)]
    [InlineData(1920, 1080, 50)]
    public void Render_NRegions_NSeparateBoxesInsideTheFrame(int width, int height, int regions)
    {
        var grid = TextGridRenderer.Render(width, height, regions);
        var frame = grid.LoadFrame();

        frame.Width.Should().Be(width);
        frame.Height.Should().Be(height);
        grid.Words.Should().HaveCount(regions).And.OnlyHaveUniqueItems();
        grid.Boxes.Should().HaveCount(regions);
        var bounds = grid.Boxes.Select(b => b.Bounds).ToList();
        bounds.Should().OnlyContain(b => b.Left >= 0 && b.Top >= 0 && b.Right <= width && b.Bottom <= height && b.Height >= 10);
        for (var i = 0; i < bounds.Count; i++)
        {
            for (var j = i + 1; j < bounds.Count; j++)
            {
                bounds[i].IntersectsWith(bounds[j]).Should().BeFalse($"'{grid.Words[i]}' and '{grid.Words[j]}' are separate regions");
            }
        }
    }
}
