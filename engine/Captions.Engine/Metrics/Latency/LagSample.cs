namespace Captions.Engine.Metrics.Latency;

/// <summary>A lag measured at a point of the session: both in seconds from the start of the audio.</summary>
public readonly record struct LagSample(double TimeSeconds, double LagSeconds);
