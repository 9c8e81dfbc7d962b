namespace Captions.Engine.Audio;

/// <summary>How a recording is played into the pipeline.</summary>
public enum AudioPacing
{
    /// <summary>Frames are released when the clock reaches their end, as a live talker would produce them.</summary>
    RealTime,

    /// <summary>Frames go as fast as the pipeline takes them (backpressure paces the reader).</summary>
    Fast,
}
