namespace Captions.Bench.Running;

/// <summary>How `captions bench` plays a recording into the pipeline.</summary>
public enum BenchMode
{
    /// <summary>Paced like a live talker on the wall clock: what a wearer experiences, compute and queueing included.</summary>
    RealTime,

    /// <summary>
    /// As fast as the pipeline goes on a clock driven by the audio (<see cref="Engine.Timing.AudioTimeProvider"/>):
    /// compute is free, so the numbers are the streaming policy's own delay, identical on every run.
    /// </summary>
    Driven,
}
