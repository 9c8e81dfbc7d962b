using Captions.Engine.Captioning;
using Captions.Engine.Output;
using Captions.Renderer.Threading;

namespace Captions.Renderer.Scene;

/// <summary>
/// The pipeline's end of the caption display: applies each <see cref="CaptionLine"/> version (new partial, updated
/// partial, committed) to its working scene, keeps the last <c>committedHistory</c> committed lines (4 by default:
/// two on screen plus two the roll-up may still be moving out), and publishes a copy through the triple buffer.
/// Never blocks on the render thread: publishing is one interlocked exchange. Steady state allocates nothing beyond
/// the strings the pipeline already made.
/// Speech end: a commit with no partial line left marks speech as ended at that moment (the pipeline commits a line
/// when its segment ends); a new partial marks it as going on. <see cref="MarkSpeechEnded"/> sets it directly when
/// the caller knows better (the VAD's end of speech).
/// Threading model: callable from several pipeline tasks (captions, vision); a lock serialises them so the triple
/// buffer sees one producer. The lock is never held while calling foreign code.
/// </summary>
public sealed class CaptionSceneBuilder : ICaptionSink
{
    public const int DefaultCommittedHistory = 4;

    private readonly TripleBuffer<CaptionScene> _scenes;
    private readonly TimeProvider _timeProvider;
    private readonly int _committedHistory;
    private readonly Lock _lock = new();
    private readonly SceneLine[] _lines = new SceneLine[CaptionScene.LineCapacity];
    private readonly SignOverlay[] _overlays = new SignOverlay[CaptionScene.OverlayCapacity];
    private int _lineCount;
    private int _overlayCount;
    private long _speechEndedAt;
    private long _sequence;
    private long _droppedLines;

    public CaptionSceneBuilder(TripleBuffer<CaptionScene> scenes, TimeProvider timeProvider, int committedHistory = DefaultCommittedHistory)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(committedHistory, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(committedHistory, CaptionScene.LineCapacity - 2);
        _scenes = scenes;
        _timeProvider = timeProvider;
        _committedHistory = committedHistory;
    }

    /// <summary>Scenes published so far.</summary>
    public long Published => Interlocked.Read(ref _sequence);

    /// <summary>Lines pushed out early because the scene was full of partial lines (never in normal use).</summary>
    public long DroppedLines => Interlocked.Read(ref _droppedLines);

    public ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        Apply(line);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        MarkSpeechEnded(_timeProvider.GetTimestamp());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Applies one version of a line and publishes the scene. Versions older than the one held are ignored.</summary>
    public void Apply(CaptionLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var now = _timeProvider.GetTimestamp();
        var committed = line.IsCommitted;
        var sourceStable = committed ? line.Text.Length : StableLength(line.Text, line.StableWords);
        var translationStable = committed ? line.Translation?.Length ?? 0 : 0;
        var entry = new SceneLine(
            line.Id, line.Version, line.State, line.Text, line.Translation, sourceStable, translationStable, line.Untranslated, now, line.Stamps);

        lock (_lock)
        {
            var index = IndexOf(line.Id);
            if (index >= 0)
            {
                if (_lines[index].Version > line.Version || _lines[index].IsCommitted)
                {
                    return; // stale or after the final version: the scene already shows something newer
                }

                _lines[index] = entry;
            }
            else
            {
                if (_lineCount == _lines.Length)
                {
                    RemoveAt(OldestCommittedOrFirst());
                    _droppedLines++;
                }

                _lines[_lineCount++] = entry;
            }

            if (committed)
            {
                TrimHistory();
                if (!HasPartial() && _speechEndedAt == 0)
                {
                    _speechEndedAt = now;
                }
            }
            else
            {
                _speechEndedAt = 0;
            }

            PublishLocked();
        }
    }

    /// <summary>Speech ended at <paramref name="timestamp"/> (TimeProvider ticks): captions clear after their hold.</summary>
    public void MarkSpeechEnded(long timestamp)
    {
        lock (_lock)
        {
            _speechEndedAt = timestamp;
            PublishLocked();
        }
    }

    /// <summary>Replaces the sign/menu overlays (up to <see cref="CaptionScene.OverlayCapacity"/>; extra ones are ignored).</summary>
    public void SetOverlays(ReadOnlySpan<SignOverlay> overlays)
    {
        lock (_lock)
        {
            Array.Clear(_overlays);
            _overlayCount = Math.Min(overlays.Length, _overlays.Length);
            overlays[.._overlayCount].CopyTo(_overlays);
            PublishLocked();
        }
    }

    /// <summary>
    /// UTF-16 length of the first <paramref name="words"/> whitespace-separated words of <paramref name="text"/>
    /// (through the end of the last one), so the tentative tail starts after it.
    /// </summary>
    public static int StableLength(string text, int words)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (words <= 0)
        {
            return 0;
        }

        var seen = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (++seen == words)
            {
                return i;
            }
        }

        return text.Length;
    }

    private void PublishLocked()
    {
        var scene = _scenes.WriteBuffer;
        scene.Clear();
        for (var i = 0; i < _lineCount; i++)
        {
            scene.AddLine(_lines[i]);
        }

        for (var i = 0; i < _overlayCount; i++)
        {
            scene.AddOverlay(_overlays[i]);
        }

        scene.SpeechEndedAt = _speechEndedAt;
        scene.Sequence = Interlocked.Increment(ref _sequence);
        _scenes.Publish();
    }

    private int IndexOf(long id)
    {
        for (var i = 0; i < _lineCount; i++)
        {
            if (_lines[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private bool HasPartial()
    {
        for (var i = 0; i < _lineCount; i++)
        {
            if (!_lines[i].IsCommitted)
            {
                return true;
            }
        }

        return false;
    }

    private void TrimHistory()
    {
        var committed = 0;
        for (var i = 0; i < _lineCount; i++)
        {
            committed += _lines[i].IsCommitted ? 1 : 0;
        }

        while (committed > _committedHistory)
        {
            RemoveAt(OldestCommittedOrFirst());
            committed--;
        }
    }

    private int OldestCommittedOrFirst()
    {
        for (var i = 0; i < _lineCount; i++)
        {
            if (_lines[i].IsCommitted)
            {
                return i;
            }
        }

        return 0;
    }

    private void RemoveAt(int index)
    {
        Array.Copy(_lines, index + 1, _lines, index, _lineCount - index - 1);
        _lines[--_lineCount] = default;
    }
}
