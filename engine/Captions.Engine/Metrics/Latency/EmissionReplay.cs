namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Replays an emission log line by line: the one rule shared by every metric here for which versions count.
/// Emissions are taken in log order; a version that is not above the last accepted version of its line id is stale
/// (it arrived out of order) and is skipped, so a late v2 after v3 cannot put old text back on screen.
/// </summary>
internal sealed class EmissionReplay
{
    // Sorted by id so the shown transcript reads lines in the order they were opened (ids grow with time).
    private readonly SortedDictionary<long, CaptionEmission> _current = [];

    /// <summary>The accepted current version of every line, by id.</summary>
    public IReadOnlyDictionary<long, CaptionEmission> Current => _current;

    /// <summary>
    /// Accepts <paramref name="emission"/> if it is newer than the line's current version; returns the previous
    /// version (default with null text when the line is new).
    /// </summary>
    public bool TryAccept(CaptionEmission emission, out CaptionEmission previous)
    {
        ArgumentNullException.ThrowIfNull(emission.Text);
        if (_current.TryGetValue(emission.Id, out previous) && emission.Version <= previous.Version)
        {
            return false;
        }

        _current[emission.Id] = emission;
        return true;
    }

    /// <summary>The text of all lines (or only the committed ones) joined by spaces, in line id order.</summary>
    public string Transcript(bool committedOnly)
    {
        var parts = new List<string>(_current.Count);
        foreach (CaptionEmission line in _current.Values)
        {
            if (!committedOnly || line.Committed)
            {
                parts.Add(line.Text);
            }
        }

        return string.Join(' ', parts);
    }
}
