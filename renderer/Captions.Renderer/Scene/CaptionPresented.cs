using Captions.Engine.Timing;

namespace Captions.Renderer.Scene;

/// <summary>
/// Version <see cref="Version"/> of caption line <see cref="LineId"/> reached the display for the first time at
/// <see cref="PresentedAt"/> (TimeProvider timestamp). <see cref="Stamps"/> are the line's pipeline stamps with
/// <see cref="LatencyStamps.Presented"/> filled in, ready for the harness.
/// </summary>
public readonly record struct CaptionPresented(long LineId, int Version, long PresentedAt, LatencyStamps Stamps);
