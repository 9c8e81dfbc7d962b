using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Engine.Metrics;

namespace Captions.Bench.Alignment;

/// <summary>
/// Makes the committed reference timings of the bundled default corpus (DefaultCorpus/alignments/*.json): jfk.wav
/// and the five LibriVox clips of pocketsphinx-testdata. Tests compare the committed files with a fresh run, so
/// the files and the aligner cannot drift apart unnoticed; DefaultCorpus/alignments/README.md says how to
/// regenerate them.
/// </summary>
internal static class DefaultAlignments
{
    /// <summary>What JFK says in jfk.wav (whisper.cpp's sample), as the corpus spells it.</summary>
    public const string JfkTranscript =
        "And so my fellow Americans ask not what your country can do for you ask what you can do for your country";

    /// <summary>The default corpus's recordings: file id (the alignment file's name without .json), WAV path, transcript.</summary>
    public static IReadOnlyList<ReferenceRecording> Recordings(CaptionsPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return [new ReferenceRecording("jfk", paths.JfkWavPath, JfkTranscript), .. ReferenceCorpus.Load(CaptionsPaths.LibriVoxDirectory)];
    }

    /// <summary>Aligns every recording and writes <c>&lt;id&gt;.json</c> into <paramref name="outputDirectory"/>; returns the paths written.</summary>
    /// <exception cref="AlignmentException">A recording could not be aligned (the message names it).</exception>
    public static async Task<IReadOnlyList<string>> GenerateAsync(string outputDirectory, CaptionsPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        Directory.CreateDirectory(outputDirectory);

        // Alignment is CPU-bound native work (0.1-0.3 s a clip): off the caller's thread, one decoder, in order.
        return await Task.Run(
            () =>
            {
                using var aligner = new ForcedAligner();
                var written = new List<string>();
                foreach (ReferenceRecording recording in Recordings(paths))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    string path = Path.Combine(outputDirectory, recording.Id + ".json");
                    AlignmentFile.Write(path, ForcedAligner.Source, Align(aligner, recording));
                    written.Add(path);
                }

                return written;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Aligns one recording; failures name the recording.</summary>
    public static IReadOnlyList<Engine.Metrics.Latency.ReferenceWord> Align(ForcedAligner aligner, ReferenceRecording recording)
    {
        ArgumentNullException.ThrowIfNull(aligner);
        ArgumentNullException.ThrowIfNull(recording);
        float[] audio = AudioFile.ReadMono16k(recording.WavPath);
        try
        {
            return aligner.Align(audio, recording.Reference);
        }
        catch (AlignmentException ex)
        {
            throw new AlignmentException($"{recording.WavPath} ({recording.Id}): {ex.Message}", ex.Word, ex);
        }
    }
}
