using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Captions.Engine.Captioning;
using Captions.Engine.Timing;

namespace Captions.Engine.Output;

/// <summary>
/// Writes every caption version (partial and committed) as one JSON object per line (JSON Lines), for the latency
/// harness and for tools:
/// <code>
/// {"type":"partial"|"commit","id":3,"version":2,"text":"...","translation":null,"language":"en","recognizer":"sphinx",
///  "start":1.24,"end":2.5,"words":[{"w":"hello","start":1.24,"end":1.6,"conf":0.92}],
///  "stamps":{"captured":812.5,"vad":813.1,"asr":1020.7,"mt":null,"presented":null}}
/// </code>
/// <c>start</c>/<c>end</c> are stream seconds (ms precision); stamps are milliseconds since the run started
/// (<see cref="PipelineClock.Milliseconds"/>), null when unset; <c>translation</c>, <c>language</c> and
/// <c>recognizer</c> are null when unknown, so every line has the same keys. When captions are drawn, each caption
/// version's first presented frame adds <c>{"type":"presented","id":3,"version":2,"presented":1033.2}</c> (written
/// after that version's own line, since the frame comes later). <see cref="CompleteAsync"/> adds
/// <c>{"type":"end","events":n,"partials":p,"commits":c,"presented":f,"elapsed":ms}</c>.
/// </summary>
/// <remarks>
/// Serialises with <see cref="Utf8JsonWriter"/> into one reused buffer (no reflection), and flushes every line, so a
/// reader tailing the file sees each event as it happens and a killed process leaves only whole lines.
/// Non-ASCII text is written as UTF-8, not \u escapes, so the file stays readable for CJK captions.
/// Threading model: one caller at a time (the output stage); not thread-safe.
/// </remarks>
public sealed class JsonLinesEventWriter : ICaptionSink
{
    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    private readonly Stream _stream;
    private readonly PipelineClock _clock;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private bool _completed;
    private bool _disposed;

    public JsonLinesEventWriter(Stream stream, PipelineClock clock, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clock);
        _stream = stream;
        _clock = clock;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, s_jsonOptions);
    }

    public int Partials { get; private set; }

    public int Commits { get; private set; }

    /// <summary>Presented records written (<see cref="WritePresentedAsync"/>).</summary>
    public int Presented { get; private set; }

    /// <summary>Creates (or overwrites) the JSON Lines file at <paramref name="path"/>; the writer owns the file.</summary>
    public static JsonLinesEventWriter Create(string path, PipelineClock clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 4096, FileOptions.Asynchronous);
        return new JsonLinesEventWriter(stream, clock);
    }

    public ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        ObjectDisposedException.ThrowIf(_disposed, this);
        BeginLine();
        _json.WriteStartObject();
        _json.WriteString("type", line.IsCommitted ? "commit" : "partial");
        _json.WriteNumber("id", line.Id);
        _json.WriteNumber("version", line.Version);
        _json.WriteString("text", line.Text);
        _json.WriteString("translation", line.Translation);
        if (line.Untranslated)
        {
            _json.WriteBoolean("untranslated", true);
        }
        _json.WriteString("language", line.Language);
        _json.WriteString("recognizer", line.Recognizer);
        _json.WriteNumber("start", Seconds(line.Start));
        _json.WriteNumber("end", Seconds(line.End));
        _json.WriteStartArray("words");
        foreach (var word in line.Words ?? [])
        {
            _json.WriteStartObject();
            _json.WriteString("w", word.Word);
            _json.WriteNumber("start", Seconds(word.Start));
            _json.WriteNumber("end", Seconds(word.End));
            _json.WriteNumber("conf", Math.Round((double)word.Confidence, 4));
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteStartObject("stamps");
        WriteStamp("captured", line.Stamps.Captured);
        WriteStamp("vad", line.Stamps.Vad);
        WriteStamp("asr", line.Stamps.Asr);
        WriteStamp("mt", line.Stamps.Mt);
        WriteStamp("presented", line.Stamps.Presented);
        _json.WriteEndObject();
        _json.WriteEndObject();
        if (line.IsCommitted)
        {
            Commits++;
        }
        else
        {
            Partials++;
        }

        return EndLineAsync(cancellationToken);
    }

    /// <summary>
    /// Records that version <paramref name="version"/> of caption <paramref name="id"/> first reached the display at
    /// <paramref name="presented"/> (a timestamp of the pipeline's clock).
    /// </summary>
    public ValueTask WritePresentedAsync(long id, int version, long presented, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BeginLine();
        _json.WriteStartObject();
        _json.WriteString("type", "presented");
        _json.WriteNumber("id", id);
        _json.WriteNumber("version", version);
        WriteStamp("presented", presented);
        _json.WriteEndObject();
        Presented++;
        return EndLineAsync(cancellationToken);
    }

    /// <summary>Writes the end record once (later calls only flush).</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            await _stream.FlushAsync(cancellationToken);
            return;
        }

        BeginLine();
        _json.WriteStartObject();
        _json.WriteString("type", "end");
        _json.WriteNumber("events", Partials + Commits);
        _json.WriteNumber("partials", Partials);
        _json.WriteNumber("commits", Commits);
        _json.WriteNumber("presented", Presented);
        WriteStamp("elapsed", _clock.Now());
        _json.WriteEndObject();
        await EndLineAsync(cancellationToken);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _json.DisposeAsync();
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync();
        }
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);

    private void BeginLine()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
    }

    private async ValueTask EndLineAsync(CancellationToken cancellationToken)
    {
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    private void WriteStamp(string name, long timestamp)
    {
        if (_clock.Milliseconds(timestamp) is double milliseconds)
        {
            _json.WriteNumber(name, milliseconds);
        }
        else
        {
            _json.WriteNull(name);
        }
    }
}
