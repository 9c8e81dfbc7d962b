using Captions.Engine.Metrics;
namespace Captions.Speech.Sphinx.Tests;

/// <summary>
/// One en-us recogniser for a test class (loading the 27 MB language model takes 1-3 s), and the five LibriVox
/// clips decoded once through it in 20 ms chunks, shared by the tests that inspect the results.
/// </summary>
public sealed class SphinxRecognizerFixture : IDisposable
{
    private readonly Lazy<IReadOnlyList<LibriVoxResult>> _libriVox;

    public SphinxRecognizerFixture()
    {
        string model = SphinxRecognizerOptions.DefaultModelRoot;
        if (!Directory.Exists(model))
        {
            throw new DirectoryNotFoundException($"{model} is missing: pocketsphinx-en-us is not installed; run ./scripts/bootstrap.sh");
        }

        Recognizer = new SphinxRecognizer();
        _libriVox = new Lazy<IReadOnlyList<LibriVoxResult>>(DecodeLibriVox);
    }

    public SphinxRecognizer Recognizer { get; }

    internal IReadOnlyList<LibriVoxResult> LibriVox => _libriVox.Value;

    public void Dispose() => Recognizer.Dispose();

    private List<LibriVoxResult> DecodeLibriVox()
    {
        var results = new List<LibriVoxResult>();
        foreach (ReferenceRecording clip in ReferenceCorpus.Load())
        {
            float[] samples = clip.ReadMono16k();
            results.Add(new LibriVoxResult(clip, samples.Length, RecognizerRun.Feed(Recognizer, samples)));
        }

        return results;
    }
}

internal sealed record LibriVoxResult(ReferenceRecording Clip, int SampleCount, RecognizerRun Run);
