namespace Captions.Vision.Signs;

/// <summary>
/// The overlays to show after one frame: every stable item in view, in reading order, with the frame's stamps.
/// The pipeline publishes one per processed frame; consumers (compositor, events writer) compare with the previous
/// snapshot by <see cref="SignItem.Id"/> to see what appeared, changed or left.
/// </summary>
public sealed record SignSnapshot(
    long FrameSequence,
    TimeSpan FrameTimestamp,
    int FrameWidth,
    int FrameHeight,
    IReadOnlyList<SignItem> Items,
    SignFrameTimings Timings);
