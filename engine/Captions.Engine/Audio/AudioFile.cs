namespace Captions.Engine.Audio;

/// <summary>Whole-file helpers for offline work (tests, benchmarks, the harness); the pipeline streams instead.</summary>
public static class AudioFile
{
    /// <summary>Reads a WAV file of any supported format, rate and channel count as 16 kHz mono samples.</summary>
    public static float[] ReadMono16k(string path)
    {
        using var reader = WavReader.Open(path);
        var converter = new AudioConverter(reader.Info.SampleRate, reader.Info.Channels);
        var interleaved = new float[8192 * reader.Info.Channels];
        var mono = new float[Math.Max(converter.GetMaxOutputLength(interleaved.Length), converter.MaxFlushLength)];
        var samples = new List<float>();
        int frames;
        while ((frames = reader.Read(interleaved)) > 0)
        {
            samples.AddRange(mono.AsSpan(0, converter.Convert(interleaved.AsSpan(0, frames * reader.Info.Channels), mono)));
        }

        samples.AddRange(mono.AsSpan(0, converter.Flush(mono)));
        return [.. samples];
    }
}
