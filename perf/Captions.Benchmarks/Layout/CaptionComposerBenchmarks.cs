using BenchmarkDotNet.Attributes;
using Captions.Engine.Captioning;
using Captions.Renderer.Drawing;
using Captions.Renderer.Layout;
using Captions.Renderer.Scene;
using Captions.Renderer.Threading;
using Captions.TestKit.Rendering;

namespace Captions.Benchmarks.Layout;

/// <summary>
/// CaptionComposer.Compose at 1920x1080 per eye: a steady two-row scene (laid out once, then only quads copied and
/// compared), and a scene change every frame (a new partial version re-laid, as when the recogniser streams words).
/// Uses the monospace stand-in layouter, so this measures composer overhead, not shaping; CaptionComposerTextBenchmarks
/// measures the same with the real TextLayouter.
/// </summary>
[MemoryDiagnoser]
public class CaptionComposerBenchmarks
{
    private const string Source = "la reunión empieza a las tres en la sala grande del segundo piso";
    private const string Translation = "the meeting starts at three in the big room on the second floor, bring your notes";

    private static readonly string s_shorter = Translation[..^6];

    private readonly RenderFrame _frame = new(1920, 1080);
    private TripleBuffer<CaptionScene> _scenes = null!;
    private CaptionComposer _composer = null!;
    private long _timestamp;
    private int _version;

    [GlobalSetup]
    public void Setup()
    {
        _scenes = new TripleBuffer<CaptionScene>(() => new CaptionScene());
        _composer = new CaptionComposer(_scenes, new MonospaceTextLayouter(), TimeProvider.System);
        _timestamp = TimeProvider.System.GetTimestamp();
        Publish(Translation);
        _frame.Clear();
        _composer.Compose(_timestamp, _frame);
    }

    [Benchmark]
    public bool SteadyTwoRowScene()
    {
        _frame.Clear();
        return _composer.Compose(_timestamp, _frame);
    }

    [Benchmark]
    public bool SceneChangeEveryFrame()
    {
        // Alternate between the full translation and one cut a word short: each frame re-lays a new version.
        Publish(_version % 2 == 0 ? s_shorter : Translation);
        _frame.Clear();
        return _composer.Compose(_timestamp, _frame);
    }

    private void Publish(string translation)
    {
        var scene = _scenes.WriteBuffer;
        scene.Clear();
        scene.AddLine(new SceneLine(1, _version++, CaptionState.Partial, Source, translation, Source.Length, 40, false, _timestamp, default));
        scene.Sequence = _version;
        _scenes.Publish();
    }
}
