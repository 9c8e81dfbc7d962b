using Captions.Vision.Geometry;

namespace Captions.Vision.Tracking;

/// <summary>One detected region in the current frame, as the tracker sees it: where, and what it looks like.</summary>
public readonly record struct TrackObservation(Quad Box, CropFingerprint Fingerprint);
