using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Captions.Engine.Timing;
using Captions.Vision.Display;
using Captions.Vision.Signs;

namespace Captions.Vision.Output;

/// <summary>
/// Writes what the wearer's overlays did as JSON Lines, one object per change, compared snapshot to snapshot by track
/// id:
/// <code>
/// {"type":"appeared"|"changed"|"retired","id":4,"kind":"sign"|"menu","text":"NO PARKING","translation":"PROHIBIDO
///  APARCAR","price":null,"language":"en","engine":"ppocr","order":0,"frame":12,"t":0.4,
///  "box":[x0,y0,x1,y1,x2,y2,x3,y3],"display":[x0,y0,...]|null,
///  "stamps":{"captured":812.5,"detected":840.1,"recognized":866.0,"translated":866.0,"published":866.2}}
/// </code>
/// "changed" means the text, translation or price changed (a box moving is not an event: it moves every frame).
/// <c>box</c> is camera pixels (corners clockwise from the text's top-left), <c>display</c> the same corners in eye
/// pixels through the calibration (null when none is given); <c>t</c> is the frame's time on the source (s);
/// stamps are milliseconds since the run started. <see cref="Complete"/> adds
/// <c>{"type":"end","frames":n,"appeared":a,"changed":c,"retired":r,"dropped":d}</c>.
/// </summary>
/// <remarks>
/// Flushes every line, so a reader tailing the file sees each event as it happens. Non-ASCII text is written as
/// UTF-8, not \u escapes. Nothing is written unless the user asked for an events file.
/// Threading model: one caller at a time.
/// </remarks>
public sealed class SignEventWriter : IDisposable
{
    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Stream _stream;
    private readonly PipelineClock _clock;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private Dictionary<long, SignItem> _previous = [];
    private Dictionary<long, SignItem> _current = [];

    public SignEventWriter(Stream stream, PipelineClock clock, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clock);
        _stream = stream;
        _clock = clock;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, s_jsonOptions);
    }

    /// <summary>Maps camera boxes to display boxes for the <c>display</c> field; null writes null.</summary>
    public CameraCalibration? Calibration { get; set; }

    public int Frames { get; private set; }

    public int Appeared { get; private set; }

    public int Changed { get; private set; }

    public int Retired { get; private set; }

    public static SignEventWriter Create(string path, PipelineClock clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SignEventWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096), clock);
    }

    /// <summary>Writes the events between the previous snapshot and <paramref name="snapshot"/>.</summary>
    public void Write(SignSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Frames++;
        _current.Clear();
        foreach (var item in snapshot.Items)
        {
            _current[item.Id] = item;
            if (!_previous.TryGetValue(item.Id, out var before))
            {
                Appeared++;
                WriteItem("appeared", item, snapshot);
            }
            else if (before.SourceText != item.SourceText || before.Translation != item.Translation || before.Price != item.Price)
            {
                Changed++;
                WriteItem("changed", item, snapshot);
            }
        }

        foreach (var (id, item) in _previous)
        {
            if (!_current.ContainsKey(id))
            {
                Retired++;
                WriteItem("retired", item, snapshot);
            }
        }

        (_previous, _current) = (_current, _previous);
    }

    /// <summary>Writes the closing summary line.</summary>
    public void Complete(long droppedFrames)
    {
        BeginLine();
        _json.WriteStartObject();
        _json.WriteString("type", "end");
        _json.WriteNumber("frames", Frames);
        _json.WriteNumber("appeared", Appeared);
        _json.WriteNumber("changed", Changed);
        _json.WriteNumber("retired", Retired);
        _json.WriteNumber("dropped", droppedFrames);
        _json.WriteEndObject();
        EndLine();
    }

    public void Dispose()
    {
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void WriteItem(string type, SignItem item, SignSnapshot snapshot)
    {
        BeginLine();
        _json.WriteStartObject();
        _json.WriteString("type", type);
        _json.WriteNumber("id", item.Id);
        _json.WriteString("kind", item.Kind == SignKind.MenuItem ? "menu" : "sign");
        _json.WriteString("text", item.SourceText);
        _json.WriteString("translation", item.Translation);
        _json.WriteString("price", item.Price);
        _json.WriteString("language", item.SourceLanguage);
        _json.WriteString("engine", item.Engine);
        _json.WriteNumber("order", item.Order);
        _json.WriteNumber("frame", snapshot.FrameSequence);
        _json.WriteNumber("t", Math.Round(snapshot.FrameTimestamp.TotalSeconds, 3));
        _json.WriteStartArray("box");
        WriteCorners(item.Box);
        _json.WriteEndArray();
        if (Calibration is { } calibration)
        {
            _json.WriteStartArray("display");
            WriteCorners(calibration.Map(item.Box));
            _json.WriteEndArray();
        }
        else
        {
            _json.WriteNull("display");
        }

        var t = snapshot.Timings;
        _json.WriteStartObject("stamps");
        WriteStamp("captured", t.Captured);
        WriteStamp("detected", t.Detected);
        WriteStamp("recognized", t.Recognized);
        WriteStamp("translated", t.Translated);
        WriteStamp("published", t.Published);
        _json.WriteEndObject();
        _json.WriteEndObject();
        EndLine();
    }

    private void WriteCorners(Geometry.Quad quad)
    {
        foreach (var p in (ReadOnlySpan<System.Numerics.Vector2>)[quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft])
        {
            _json.WriteNumberValue(Math.Round(p.X, 1));
            _json.WriteNumberValue(Math.Round(p.Y, 1));
        }
    }

    private void WriteStamp(string name, long timestamp)
    {
        if (_clock.Milliseconds(timestamp) is { } ms)
        {
            _json.WriteNumber(name, Math.Round(ms, 2));
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void BeginLine()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
    }

    private void EndLine()
    {
        _json.Flush();
        _stream.Write(_buffer.WrittenSpan);
        _stream.WriteByte((byte)'\n');
        _stream.Flush();
    }
}
