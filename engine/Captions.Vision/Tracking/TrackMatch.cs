namespace Captions.Vision.Tracking;

/// <summary>
/// Which track an observation belongs to after <see cref="SignTracker.Update"/>, and whether it must be read again:
/// a new track, a track still voting, or one whose fingerprint changed since it was last read.
/// </summary>
public readonly record struct TrackMatch(SignTrack Track, int ObservationIndex, bool IsNew, bool NeedsRecognition);
