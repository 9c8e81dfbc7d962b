namespace Captions.Engine.Timing;

/// <summary>
/// Wall-clock stamps a message collects on its way through the pipeline, as raw
/// <see cref="TimeProvider.GetTimestamp"/> values of the pipeline's one <see cref="TimeProvider"/>.
/// Zero means "not stamped yet". The harness turns them into per-stage latency with <see cref="PipelineClock"/>.
/// </summary>
public readonly record struct LatencyStamps(long Captured, long Vad, long Asr, long Mt, long Presented)
{
    public LatencyStamps WithVad(long timestamp) => this with { Vad = timestamp };

    public LatencyStamps WithAsr(long timestamp) => this with { Asr = timestamp };

    public LatencyStamps WithMt(long timestamp) => this with { Mt = timestamp };

    public LatencyStamps WithPresented(long timestamp) => this with { Presented = timestamp };
}
