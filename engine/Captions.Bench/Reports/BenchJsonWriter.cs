using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Captions.Bench.Reports;

/// <summary>
/// Writes a <see cref="BenchReport"/> as JSON with every raw sample (emissions, word lags, reference words) and reads
/// it back, so a run can be re-analysed or re-rendered later without replaying the audio. Doubles are written in
/// their shortest round-trippable form, so a report read back equals the one written.
/// </summary>
public static class BenchJsonWriter
{
    // The default encoder escapes every non-ASCII character and "<>&'" (\u00F1 for ñ, six bytes per CJK character),
    // which guards JSON pasted into HTML. This file is read by tools, not embedded in a page, and captions are in
    // many scripts: write them as UTF-8 text.
    private static readonly BenchJsonContext s_context = new(new JsonSerializerOptions(BenchJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The report as compact camelCase JSON.</summary>
    public static string Serialize(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, s_context.BenchReport);
    }

    /// <summary>Writes the report as UTF-8 JSON to <paramref name="stream"/> (left open).</summary>
    public static void Write(BenchReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, report, s_context.BenchReport);
    }

    /// <summary>Writes the report to <paramref name="path"/>, creating its directory.</summary>
    public static void WriteFile(BenchReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using FileStream stream = File.Create(path);
        Write(report, stream);
    }

    /// <summary>Reads a report from JSON text; <paramref name="sourceName"/> names the input in error messages.</summary>
    /// <exception cref="InvalidDataException">The text is not a bench report (the message names the source, line and JSON path).</exception>
    public static BenchReport Deserialize(string json, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Read(stream, sourceName);
    }

    /// <summary>Reads a report from a UTF-8 JSON stream; <paramref name="sourceName"/> names the input in error messages.</summary>
    /// <exception cref="InvalidDataException">The stream is not a bench report (the message names the source, line and JSON path).</exception>
    public static BenchReport Read(Stream stream, string sourceName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return JsonSerializer.Deserialize(stream, s_context.BenchReport)
                ?? throw new InvalidDataException($"{sourceName}: the JSON is null, not a bench report.");
        }
        catch (JsonException exception)
        {
            // LineNumber is zero-based; people count lines from 1.
            long? line = exception.LineNumber + 1;
            throw new InvalidDataException(
                $"{sourceName}: line {line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, " +
                $"at {exception.Path ?? "$"}: not a bench report: {exception.Message}",
                exception);
        }
    }

    /// <summary>Reads the report written by <see cref="WriteFile"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a bench report (the message names the file, line and JSON path).</exception>
    public static BenchReport ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path);
    }
}
