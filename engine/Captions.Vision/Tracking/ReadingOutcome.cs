namespace Captions.Vision.Tracking;

/// <summary>What a reading did to a track's vote.</summary>
public enum ReadingOutcome
{
    /// <summary>Counted; the shown reading is unchanged (or nothing is shown yet).</summary>
    Counted,

    /// <summary>The first reading to win the vote is now shown.</summary>
    Shown,

    /// <summary>Another reading out-voted the shown one (a similar text: a corrected misread).</summary>
    Changed,

    /// <summary>A consistently different text took the place: the track got a new id and shows it.</summary>
    Replaced,
}
