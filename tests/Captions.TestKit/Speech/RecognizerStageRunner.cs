using FluentAssertions;
using System.Threading.Channels;
using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Speech;
using Captions.Engine.Stages;
using Captions.Engine.Timing;

namespace Captions.TestKit.Speech;

/// <summary>
/// Drives a real <see cref="RecognizerStage"/> over utterances of given audio (as the VAD stage would hand them over:
/// 20 ms frames, Start/Continue/End) and returns every caption line version it wrote, in order.
/// </summary>
public static class RecognizerStageRunner
{
    public static async Task<IReadOnlyList<CaptionLine>> RunAsync(
        ISpeechRecognizer recognizer, IReadOnlyList<(TimeSpan Start, float[] Audio)> utterances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        var clock = new PipelineClock(TimeProvider.System);
        var builder = new PipelineBuilder(clock);
        var output = builder.AddEdge<CaptionLine>(EdgeOptions.Messages("lines", capacity: 1_000_000));
        var input = Channel.CreateUnbounded<SpeechFrame>();
        foreach (var (start, audio) in utterances)
        {
            var first = AudioFormat.TimeToSamples(start);
            for (var offset = 0; offset < audio.Length; offset += AudioFormat.FrameSamples)
            {
                var length = Math.Min(AudioFormat.FrameSamples, audio.Length - offset);
                var buffer = AudioFrame.RentBuffer();
                audio.AsSpan(offset, length).CopyTo(buffer);
                var frame = new AudioFrame(buffer, length, first + offset, default);
                input.Writer.TryWrite(offset == 0 ? SpeechFrame.Start(frame) : SpeechFrame.Continue(frame)).Should().BeTrue();
            }

            input.Writer.TryWrite(SpeechFrame.End(start + AudioFormat.SamplesToTime(audio.Length), default)).Should().BeTrue();
        }

        input.Writer.Complete();
        await new RecognizerStage(recognizer, clock).RunAsync(input.Reader, output, cancellationToken).ConfigureAwait(false);
        output.TryComplete();
        var lines = new List<CaptionLine>();
        await foreach (var line in output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// Checks the caption contract: every line id has exactly one committed version last, versions
    /// ascend, ids ascend in order of first appearance, and committed lines never overlap in time backwards.
    /// </summary>
    public static void ShouldKeepLineContract(IReadOnlyList<CaptionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lines.Select(l => l.Id).Distinct().Should().BeInAscendingOrder("a new line id is never older than one already shown");
        foreach (var group in lines.GroupBy(l => l.Id))
        {
            var versions = group.ToList();
            versions.Select(v => v.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            versions.Should().ContainSingle(v => v.State == CaptionState.Committed, $"line {group.Key} is committed exactly once");
            versions[^1].State.Should().Be(CaptionState.Committed, $"line {group.Key} ends with its committed version");
        }

        var committed = lines.Where(l => l.State == CaptionState.Committed).ToList();
        for (var i = 1; i < committed.Count; i++)
        {
            committed[i].Start.Should().BeGreaterThanOrEqualTo(committed[i - 1].Start, "committed lines follow one another in time");
        }
    }
}
