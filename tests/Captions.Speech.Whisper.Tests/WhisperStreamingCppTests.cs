using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Hosting;
using Captions.Native.Whisper;
using Captions.TestKit.Models;
using Captions.TestKit.Speech;

namespace Captions.Speech.Whisper.Tests;

/// <summary>
/// The streaming policy over the real whisper.cpp decoder, with the random-weight Tiny4 model (text is junk; what
/// is checked is that the policy runs on real decodes: caption contract, monotonic commits, bounded buffer).
/// </summary>
public sealed class WhisperStreamingCppTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);
    private readonly string _modelPath;
    private readonly WhisperFactory _factory;
    private readonly float[] _jfk;

    public WhisperStreamingCppTests()
    {
        var paths = CaptionsPaths.FromEnvironment();
        if (!WhisperLibrary.TryLoad(paths.WhisperLibraryDirectory, out _, out _, out string? error))
        {
            throw new DllNotFoundException($"{error} (run ./scripts/bootstrap.sh)");
        }

        if (!File.Exists(paths.JfkWavPath))
        {
            throw new FileNotFoundException($"jfk.wav is missing at {paths.JfkWavPath}: run ./scripts/bootstrap.sh");
        }

        _jfk = AudioFile.ReadMono16k(paths.JfkWavPath);
        _modelPath = WhisperModelWriter.WriteTemporary(WhisperModelDimensions.Tiny4, seed: 7);
        _factory = WhisperFactory.FromPath(_modelPath);
    }

    public void Dispose()
    {
        _factory.Dispose();
        File.Delete(_modelPath);
    }

    private WhisperStreamingRecognizer Recognizer(WhisperStreamingOptions? options = null) => new(
        new WhisperCppDecoder(_factory.CreateBuilder().WithThreads(2).WithTemperatureFallback(false).WithMaxTokensPerSegment(16).WithTokenTimestamps().Build()),
        options);

    [Fact]
    public async Task RecognizerStage_JfkOverTiny4_LinesKeepTheCaptionContract()
    {
        using var recognizer = Recognizer();

        var lines = await RecognizerStageRunner.RunAsync(recognizer, [(TimeSpan.FromSeconds(1), _jfk)]).WaitAsync(s_timeout);

        // Random weights decode to the token limit every time (seconds per decode on 2 busy cores), so the step grows
        // towards MaxStep: at least 11 s / 5 s decodes.
        recognizer.Decodes.Should().BeGreaterThanOrEqualTo(2);
        RecognizerStageRunner.ShouldKeepLineContract(lines);
        // The guards may drop all of the junk (then there are no lines at all); whatever is shown lies inside the clip.
        var clipEnd = TimeSpan.FromSeconds(1) + AudioFormat.SamplesToTime(_jfk.Length) + TimeSpan.FromSeconds(0.1);
        lines.Where(l => l.Start < TimeSpan.FromSeconds(1) || l.End > clipEnd).Should().BeEmpty();
    }

    [Fact]
    public void AcceptAudio_JfkOverTiny4_CommitsMonotonicAndNoAudioLost()
    {
        var options = new WhisperStreamingOptions { TrimThreshold = TimeSpan.FromSeconds(3), MaxBuffer = TimeSpan.FromSeconds(4) };
        using var recognizer = Recognizer(options);
        recognizer.StartUtterance(TimeSpan.Zero);
        var committedEnds = new List<TimeSpan>();
        var maxBuffer = TimeSpan.Zero;

        for (var offset = 0; offset < _jfk.Length; offset += AudioFormat.FrameSamples)
        {
            var hypothesis = recognizer.AcceptAudio(_jfk.AsSpan(offset, Math.Min(AudioFormat.FrameSamples, _jfk.Length - offset)));
            if (hypothesis?.Committed is { } committed)
            {
                committedEnds.AddRange(committed.Words.Select(w => w.End));
            }

            maxBuffer = recognizer.BufferDuration > maxBuffer ? recognizer.BufferDuration : maxBuffer;
        }

        (recognizer.BufferStart + recognizer.BufferDuration).Should().Be(AudioFormat.SamplesToTime(_jfk.Length), "trimming moves the offset by exactly what it cuts");
        var final = recognizer.EndUtterance();

        recognizer.Decodes.Should().BeGreaterThanOrEqualTo(2);
        maxBuffer.Should().BeLessThanOrEqualTo(WhisperStreamingOptions.MaxDecodeAudio);
        committedEnds.AddRange(final.Words.Select(w => w.End));
        committedEnds.Should().BeInAscendingOrder("committed words follow one another in time");
    }
}
