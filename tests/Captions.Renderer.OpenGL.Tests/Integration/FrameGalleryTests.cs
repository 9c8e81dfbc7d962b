namespace Captions.Renderer.OpenGL.Tests.Integration;

/// <summary>
/// Writes representative frames for people to look at (CAPTIONS_KEEP_FRAMES=1; otherwise only checks they render):
/// English+Spanish, Chinese wrapping, Arabic, mixed English/Hebrew, to /tmp/captions-frames/.
/// </summary>
public sealed class FrameGalleryTests
{
    public static TheoryData<string, string, string> Captions => new()
    {
        { "english-spanish", "We will meet at the station tomorrow morning.", "Nos veremos en la estación mañana por la mañana." },
        { "chinese-wrap", "We meet at the station tomorrow morning, then we visit the new exhibition at the museum together.", "我们明天早上在火车站见面，然后一起去博物馆参观新的展览，之后在附近的饭店吃午饭。" },
        { "arabic", "We meet tomorrow at the train station.", "سنلتقي غدا في محطة القطار." },
        { "mixed-bidi", "He said shalom olam yesterday.", "He said שלום עולם yesterday, then left." },
    };

    [Theory]
    [MemberData(nameof(Captions))]
    public void Render_RepresentativeCaption_WritesFrameWhenAsked(string name, string source, string translation)
    {
        using var harness = new RealCaptionHarness();
        harness.Builder.Apply(RealCaptionHarness.Committed(1, source, translation));
        harness.Settle();

        var pixels = harness.RenderGl();

        FramePixels.NonBlack(pixels).Should().BeGreaterThan(5000, $"{name} shows text");
        if (Environment.GetEnvironmentVariable("CAPTIONS_KEEP_FRAMES") == "1")
        {
            Directory.CreateDirectory("/tmp/captions-frames");
            harness.Save($"/tmp/captions-frames/{name}.png", pixels);
        }
    }
}
