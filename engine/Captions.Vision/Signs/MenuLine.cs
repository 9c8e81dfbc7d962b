using Captions.Vision.Geometry;

namespace Captions.Vision.Signs;

/// <summary>One stable text line handed to <see cref="MenuParser"/>: its track id, voted reading and box.</summary>
public sealed record MenuLine(long Id, string Text, Quad Box);
