using System.Drawing;
using System.Numerics;
using Captions.Vision.Ocr;

namespace Captions.Vision.Tracking;

/// <summary>
/// Follows text regions from frame to frame so that a sign keeps one overlay while it stays in view, is read only when
/// new or changed, and shows a reading only after it wins a vote across frames.
/// </summary>
/// <remarks>
/// Matching: every (track, region) pair whose boxes overlap (IoU of bounds at least
/// <see cref="SignTrackerOptions.MinOverlap"/>) or whose centres moved less than
/// <see cref="SignTrackerOptions.MaxCentreShift"/> of the track's diagonal, with similar areas, is scored by overlap,
/// closeness and fingerprint likeness; pairs are taken best first, each track and region once (greedy: a frame has
/// tens of regions, not thousands, and neighbouring signs differ clearly in all three). Unmatched regions start
/// tracks with new ids; tracks unseen for <see cref="SignTrackerOptions.RetireAfterFrames"/> frames are retired.
/// Text similarity decides, after reading, whether a changed reading is a corrected misread (the vote) or a
/// different text in the same place (a new id).
/// Threading model: not thread-safe; one pipeline stage owns it.
/// </remarks>
public sealed class SignTracker
{
    private readonly SignTrackerOptions _options;
    private readonly List<SignTrack> _tracks = [];
    private readonly List<SignTrack> _retired = [];
    private long _nextId = 1;
    private long _frame = -1;

    public SignTracker(SignTrackerOptions? options = null)
    {
        _options = options ?? new SignTrackerOptions();
        _options.Validate();
    }

    public SignTrackerOptions Options => _options;

    /// <summary>Live tracks, oldest first.</summary>
    public IReadOnlyList<SignTrack> Tracks => _tracks;

    /// <summary>Tracks retired by the last <see cref="Update"/>.</summary>
    public IReadOnlyList<SignTrack> RetiredLastUpdate => _retired;

    /// <summary>Frames given to <see cref="Update"/> so far.</summary>
    public long Frames => _frame + 1;

    /// <summary>Tracks started so far (ids handed out, including replacements).</summary>
    public long TracksStarted => _nextId - 1;

    /// <summary>
    /// Matches one frame's regions to tracks. Returns one <see cref="TrackMatch"/> per observation, in observation order.
    /// </summary>
    public IReadOnlyList<TrackMatch> Update(IReadOnlyList<TrackObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        _frame++;
        _retired.Clear();

        var candidates = new List<(float Score, int Track, int Observation)>();
        for (var t = 0; t < _tracks.Count; t++)
        {
            for (var o = 0; o < observations.Count; o++)
            {
                if (Score(_tracks[t], observations[o]) is { } score)
                {
                    candidates.Add((score, t, o));
                }
            }
        }

        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var trackTaken = new bool[_tracks.Count];
        var matches = new TrackMatch?[observations.Count];
        foreach (var (_, t, o) in candidates)
        {
            if (trackTaken[t] || matches[o] is not null)
            {
                continue;
            }

            trackTaken[t] = true;
            var track = _tracks[t];
            var observation = observations[o];
            track.Box = observation.Box;
            track.Fingerprint = observation.Fingerprint;
            track.LastSeenFrame = _frame;
            track.MissedFrames = 0;
            var changed = track.ReadFingerprint.Distance(observation.Fingerprint) > _options.ChangedFingerprint;
            matches[o] = new TrackMatch(track, o, IsNew: false, NeedsRecognition: track.IsVoting || changed);
        }

        for (var t = _tracks.Count - 1; t >= 0; t--)
        {
            if (!trackTaken[t] && ++_tracks[t].MissedFrames >= _options.RetireAfterFrames)
            {
                _retired.Add(_tracks[t]);
                _tracks.RemoveAt(t);
            }
        }

        var result = new TrackMatch[observations.Count];
        for (var o = 0; o < observations.Count; o++)
        {
            if (matches[o] is { } match)
            {
                result[o] = match;
                continue;
            }

            var track = new SignTrack(_nextId++, observations[o].Box, _frame, _options.VoteWindow)
            {
                Fingerprint = observations[o].Fingerprint,
            };
            _tracks.Add(track);
            result[o] = new TrackMatch(track, o, IsNew: true, NeedsRecognition: true);
        }

        return result;
    }

    /// <summary>Adds what the recogniser read for <paramref name="track"/> in the current frame to its vote.</summary>
    public ReadingOutcome AddReading(SignTrack track, RecognizedText reading)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(reading.Text);
        track.ReadFingerprint = track.Fingerprint;
        track.LastReadFrame = _frame;
        return track.AddReading(reading, _options, () => _nextId++);
    }

    /// <summary>
    /// The input ended (a photo, the end of a video): every track still waiting for its first vote shows its leading
    /// reading, since no more frames will come to vote. Returns how many tracks that showed.
    /// </summary>
    public int Settle() => _tracks.Count(t => t.Settle());

    private float? Score(SignTrack track, TrackObservation observation)
    {
        var a = track.Box.Bounds;
        var b = observation.Box.Bounds;
        var areaA = a.Width * a.Height;
        var areaB = b.Width * b.Height;
        if (areaA <= 0 || areaB <= 0 || MathF.Min(areaA, areaB) / MathF.Max(areaA, areaB) < _options.MinAreaRatio)
        {
            return null;
        }

        var inter = RectangleF.Intersect(a, b);
        var iou = inter.Width <= 0 || inter.Height <= 0 ? 0f : inter.Width * inter.Height / (areaA + areaB - (inter.Width * inter.Height));
        var diagonal = MathF.Sqrt((a.Width * a.Width) + (a.Height * a.Height));
        var shift = Vector2.Distance(track.Box.Center, observation.Box.Center) / diagonal;
        if (iou < _options.MinOverlap && shift > _options.MaxCentreShift)
        {
            return null;
        }

        var closeness = _options.MaxCentreShift <= 0 ? 0f : MathF.Max(0f, 1f - (shift / _options.MaxCentreShift));
        var distance = track.Fingerprint.Distance(observation.Fingerprint);
        var likeness = float.IsFinite(distance) ? MathF.Max(0f, 1f - distance) : 0f;
        return iou + (0.5f * closeness) + (0.5f * likeness);
    }
}
