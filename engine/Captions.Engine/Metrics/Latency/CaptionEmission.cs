namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// One caption version as the pipeline emitted it: the unit of every latency metric in this namespace.
/// </summary>
/// <param name="Id">Caption line id; versions of one line replace each other on screen.</param>
/// <param name="Version">Version of the line; a version not above the last accepted one for its id is ignored.</param>
/// <param name="Committed">True when this version is final.</param>
/// <param name="Text">The whole text of the line in this version (not a delta).</param>
/// <param name="EmittedSeconds">
/// Wall time since the start of the audio at which the version was emitted: the delay point on the audio timeline.
/// </param>
/// <param name="PresentedSeconds">Wall time since the start of the audio at which it reached a frame, if known.</param>
public readonly record struct CaptionEmission(
    long Id,
    int Version,
    bool Committed,
    string Text,
    double EmittedSeconds,
    double? PresentedSeconds = null);
