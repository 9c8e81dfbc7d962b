using System.Globalization;
using Captions.Bench.Alignment;
using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;
using Xunit.Abstractions;

namespace Captions.Bench.Tests.Alignment;

/// <summary>
/// The committed alignments of the default corpus (engine/Captions.Bench/DefaultCorpus/alignments) against a fresh
/// run of the aligner: the alignment is deterministic, so any difference means the aligner, its models or the
/// audio changed and the files must be regenerated (see the folder's README.md).
/// </summary>
public sealed class DefaultAlignmentsTests
{
    /// <summary>Set to a directory to write the fresh files there (to regenerate: the alignments folder itself).</summary>
    public const string OutputVariable = "CAPTIONS_ALIGNMENTS_OUT";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);
    private readonly ITestOutputHelper _output;

    public DefaultAlignmentsTests(ITestOutputHelper output) => _output = output;

    /// <summary>engine/Captions.Bench/DefaultCorpus/alignments in the source tree this test was built from.</summary>
    internal static string CommittedDirectory
    {
        get
        {
            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Captions.sln")))
                {
                    return Path.Combine(directory.FullName, "engine", "Captions.Bench", "DefaultCorpus", "alignments");
                }
            }

            throw new DirectoryNotFoundException($"No Captions.sln above {AppContext.BaseDirectory}: run the tests from the source tree.");
        }
    }

    [Fact]
    public async Task GenerateAsync_DefaultCorpus_MatchesTheCommittedFiles()
    {
        string? requested = Environment.GetEnvironmentVariable(OutputVariable);
        string output = string.IsNullOrEmpty(requested) ? Directory.CreateTempSubdirectory("captions-alignments-").FullName : requested;

        IReadOnlyList<string> written = await DefaultAlignments.GenerateAsync(output, CaptionsPaths.FromEnvironment()).WaitAsync(s_timeout);

        written.Select(Path.GetFileName).Should().BeEquivalentTo(
            ["jfk.json", .. ReferenceCorpus.Load().Select(r => r.Id + ".json")]);
        string[] committed = [.. Directory.GetFiles(CommittedDirectory, "*.json").Select(p => Path.GetFileName(p)!)];
        committed.Should().BeEquivalentTo(written.Select(Path.GetFileName), $"{CommittedDirectory} holds one file per default recording");
        foreach (string path in written)
        {
            string name = Path.GetFileName(path);
            AlignmentFile fresh = AlignmentFile.Read(path);
            AlignmentFile stored = AlignmentFile.Read(Path.Combine(CommittedDirectory, name));
            stored.Source.Should().Be(ForcedAligner.Source, name);
            stored.Words.Should().Equal(fresh.Words, $"{name} must match a fresh alignment (fresh files: {output}; to regenerate see {CommittedDirectory}/README.md)");
        }

        if (string.IsNullOrEmpty(requested))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void CommittedFiles_EachRecording_TranscriptWordsInOrderInsideTheAudio()
    {
        foreach (ReferenceRecording recording in DefaultAlignments.Recordings(CaptionsPaths.FromEnvironment()))
        {
            AlignmentFile file = AlignmentFile.Read(Path.Combine(CommittedDirectory, recording.Id + ".json"));
            float[] audio = AudioFile.ReadMono16k(recording.WavPath);
            double duration = audio.Length / 16_000.0;
            double floor = FloorDb(audio);

            file.Words.Select(w => w.Word).Should().Equal(recording.Reference.ToLowerInvariant().Split(' '), recording.Id);
            ReferenceWord? previous = null;
            foreach (ReferenceWord word in file.Words)
            {
                word.EndSeconds.Should().BeGreaterThan(word.StartSeconds, $"{recording.Id} '{word.Word}'");
                word.EndSeconds.Should().BeLessThanOrEqualTo(duration, $"{recording.Id} '{word.Word}'");
                if (previous is { } before)
                {
                    word.StartSeconds.Should().BeGreaterThanOrEqualTo(before.EndSeconds, $"{recording.Id}: '{word.Word}' starts after '{before.Word}' ends");
                }

                // Each word holds speech: its loudest 10 ms is at least 10 dB above the clip's quietest tenth (measured
                // 11-50 dB; the least is "them" closing LibriVox 0870, -32 dB against -43 dB, a clip with few pauses).
                double loudest = LoudestFrameDb(audio, word.StartSeconds, word.EndSeconds);
                _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{recording.Id} {word.Word,-12} {word.StartSeconds:0.000}-{word.EndSeconds:0.000} peak {loudest:0} dB (floor {floor:0})"));
                loudest.Should().BeGreaterThan(floor + 10, $"{recording.Id} '{word.Word}' at {word.StartSeconds} s is speech");
                previous = word;
            }
        }
    }

    private static double LoudestFrameDb(float[] audio, double start, double end)
    {
        double loudest = double.NegativeInfinity;
        for (int frame = (int)(start * 100); frame < (int)(end * 100); frame++)
        {
            loudest = Math.Max(loudest, FrameDb(audio, frame));
        }

        return loudest;
    }

    /// <summary>The 10th percentile of the clip's 10 ms frame levels: its pauses (jfk.wav has digital zero at the very start).</summary>
    private static double FloorDb(float[] audio)
    {
        double[] levels = [.. Enumerable.Range(0, audio.Length / 160).Select(frame => FrameDb(audio, frame)).Order()];
        return levels[levels.Length / 10];
    }

    private static double FrameDb(float[] audio, int frame)
    {
        double sum = 0;
        int first = frame * 160;
        int last = Math.Min(audio.Length, first + 160);
        for (int i = first; i < last; i++)
        {
            sum += audio[i] * audio[i];
        }

        return 10 * Math.Log10((sum / Math.Max(1, last - first)) + 1e-12);
    }
}
