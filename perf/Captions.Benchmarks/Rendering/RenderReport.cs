using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Captions.Benchmarks.Rendering;

/// <summary>Prints the render benchmark's measurements as a table (notes below it) and writes them as JSON.</summary>
internal static class RenderReport
{
    public static void Print(string title, IReadOnlyList<Measurement> measurements, IReadOnlyList<string> notes)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title))
            .AddColumns("measure", "unit", "p50", "p95", "mean", "CPU/op", "alloc B/op");
        foreach (var m in measurements)
        {
            string allocated = m.AllocatedBytes is { } bytes ? F((double)bytes / m.Samples.Count) : string.Empty;
            string cpu = m.CpuPerSample is { } c ? F(c) : string.Empty;
            table.AddRow(Markup.Escape(m.Label), m.Unit, F(m.P50), F(m.P95), F(m.Mean), cpu, allocated);
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("CPU/op = process CPU time (all threads, llvmpipe's included) per op, in the row's unit: the load-independent figure.");
        foreach (var m in measurements)
        {
            if (m.Note.Length > 0)
            {
                AnsiConsole.WriteLine($"  {m.Key}: {m.Note}");
            }
        }

        foreach (var note in notes)
        {
            AnsiConsole.WriteLine(note);
        }
    }

    public static void WriteJson(string path, IReadOnlyDictionary<string, string> context, IReadOnlyList<Measurement> measurements, IReadOnlyDictionary<string, double> figures)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("context");
        foreach (var (key, value) in context)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartArray("measurements");
        foreach (var m in measurements)
        {
            json.WriteStartObject();
            json.WriteString("key", m.Key);
            json.WriteString("label", m.Label);
            json.WriteString("unit", m.Unit);
            json.WriteNumber("n", m.Samples.Count);
            json.WriteNumber("p50", Round(m.P50));
            json.WriteNumber("p95", Round(m.P95));
            json.WriteNumber("mean", Round(m.Mean));
            if (m.CpuPerSample is { } cpu)
            {
                json.WriteNumber("cpu_per_op", Round(cpu));
            }

            if (m.AllocatedBytes is { } bytes)
            {
                json.WriteNumber("allocated_bytes", bytes);
                json.WriteNumber("allocated_bytes_per_op", Round((double)bytes / m.Samples.Count));
            }

            if (m.Note.Length > 0)
            {
                json.WriteString("note", m.Note);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("figures");
        foreach (var (key, value) in figures)
        {
            json.WriteNumber(key, Round(value));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : -1;

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
