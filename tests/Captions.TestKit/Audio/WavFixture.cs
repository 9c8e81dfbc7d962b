using System.Buffers.Binary;
using System.Text;

namespace Captions.TestKit.Audio;

/// <summary>
/// Writes WAV files from float signals in every format the reader handles, plus the broken and unsupported ones it
/// must reject (A-law, float64, lying sizes, missing chunks, truncation). Quantises like real encoders: round to
/// nearest, clip at full scale.
/// </summary>
public static class WavFixture
{
    /// <summary>Builds a WAV file in memory. <paramref name="interleaved"/> holds frames * channels samples.</summary>
    public static byte[] Build(ReadOnlySpan<float> interleaved, int sampleRate, int channels, WavSampleFormat format, WavFixtureOptions? options = null)
    {
        options ??= new WavFixtureOptions();
        int bits = BitsOf(format);
        int blockAlign = channels * bits / 8;
        byte[] data = EncodeSamples(interleaved, format);

        using var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes(options.WaveId));
        foreach (WavChunk chunk in options.ChunksBeforeFmt)
        {
            WriteChunk(body, chunk.Id, chunk.Body, chunk.Body.Length);
        }

        byte[] fmt = Fmt(format, sampleRate, channels, options.BlockAlignOverride ?? blockAlign, options);
        if (options.DataBeforeFmt && !options.OmitData)
        {
            WriteChunk(body, "data", data, options.DataSizeOverride ?? (uint)data.Length);
        }

        if (!options.OmitFmt)
        {
            WriteChunk(body, "fmt ", fmt, fmt.Length);
        }

        foreach (WavChunk chunk in options.ChunksBeforeData)
        {
            WriteChunk(body, chunk.Id, chunk.Body, chunk.Body.Length);
        }

        if (!options.DataBeforeFmt && !options.OmitData)
        {
            WriteChunk(body, "data", data, options.DataSizeOverride ?? (uint)data.Length);
        }

        foreach (WavChunk chunk in options.ChunksAfterData)
        {
            WriteChunk(body, chunk.Id, chunk.Body, chunk.Body.Length);
        }

        using var file = new MemoryStream();
        file.Write(Encoding.ASCII.GetBytes(options.RiffId));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        file.Write(size);
        body.Position = 0;
        body.CopyTo(file);
        byte[] bytes = file.ToArray();
        return options.TruncateTo is int cut ? bytes[..Math.Min(cut, bytes.Length)] : bytes;
    }

    /// <summary>Writes <see cref="Build"/>'s bytes to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, ReadOnlySpan<float> interleaved, int sampleRate, int channels, WavSampleFormat format, WavFixtureOptions? options = null)
    {
        File.WriteAllBytes(path, Build(interleaved, sampleRate, channels, format, options));
        return path;
    }

    /// <summary>Largest round-trip error of one sample in <paramref name="format"/>: half a step, plus float slack.</summary>
    public static float QuantisationError(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm8 => 0.5f / 128,
        WavSampleFormat.Pcm16 => 0.5f / 32768,
        WavSampleFormat.Pcm24 => 0.5f / 8388608,
        _ => 1e-7f,
    } + 1e-7f;

    public static int BitsOf(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm8 or WavSampleFormat.ALaw or WavSampleFormat.MuLaw => 8,
        WavSampleFormat.Pcm16 => 16,
        WavSampleFormat.Adpcm => 4,
        WavSampleFormat.Pcm24 => 24,
        WavSampleFormat.Float64 => 64,
        _ => 32,
    };

    private static ushort TagOf(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Float32 or WavSampleFormat.Float64 => 3,
        WavSampleFormat.ALaw => 6,
        WavSampleFormat.MuLaw => 7,
        WavSampleFormat.Adpcm => 2,
        _ => 1,
    };

    private static byte[] Fmt(WavSampleFormat format, int sampleRate, int channels, int blockAlign, WavFixtureOptions options)
    {
        int bits = BitsOf(format);
        var fmt = new byte[options.Extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, options.Extensible ? (ushort)0xFFFE : TagOf(format));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        if (options.Extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)(options.ValidBits ?? bits));
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), channels == 2 ? 0x3u : (1u << channels) - 1);
            // {XXXXXXXX-0000-0010-8000-00AA00389B71} in its on-disk byte order.
            byte[] guid = [0, 0, 0, 0, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            BinaryPrimitives.WriteUInt16LittleEndian(guid, options.SubFormatTag ?? TagOf(format));
            guid.CopyTo(fmt, 24);
        }

        return fmt;
    }

    private static byte[] EncodeSamples(ReadOnlySpan<float> samples, WavSampleFormat format)
    {
        int bytesPer = Math.Max(1, BitsOf(format) / 8);
        var data = new byte[samples.Length * bytesPer];
        for (int i = 0; i < samples.Length; i++)
        {
            double v = Math.Clamp(samples[i], -1.0, 1.0);
            Span<byte> dst = data.AsSpan(i * bytesPer);
            switch (format)
            {
                case WavSampleFormat.Pcm8 or WavSampleFormat.ALaw or WavSampleFormat.MuLaw or WavSampleFormat.Adpcm:
                    dst[0] = (byte)(Math.Clamp(Math.Round(v * 128), -128, 127) + 128);
                    break;
                case WavSampleFormat.Pcm16:
                    BinaryPrimitives.WriteInt16LittleEndian(dst, (short)Math.Clamp(Math.Round(v * 32768), short.MinValue, short.MaxValue));
                    break;
                case WavSampleFormat.Pcm24:
                    int s24 = (int)Math.Clamp(Math.Round(v * 8388608), -8388608, 8388607);
                    dst[0] = (byte)s24;
                    dst[1] = (byte)(s24 >> 8);
                    dst[2] = (byte)(s24 >> 16);
                    break;
                case WavSampleFormat.Pcm32:
                    BinaryPrimitives.WriteInt32LittleEndian(dst, (int)Math.Clamp(Math.Round(v * 2147483648.0), int.MinValue, int.MaxValue));
                    break;
                case WavSampleFormat.Float32:
                    BinaryPrimitives.WriteSingleLittleEndian(dst, samples[i]);
                    break;
                case WavSampleFormat.Float64:
                    BinaryPrimitives.WriteDoubleLittleEndian(dst, samples[i]);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "unknown sample format");
            }
        }

        return data;
    }

    private static void WriteChunk(Stream output, string id, byte[] body, long declaredSize)
    {
        output.Write(Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)declaredSize);
        output.Write(size);
        output.Write(body);
        if ((body.Length & 1) == 1)
        {
            output.WriteByte(0); // RIFF pads odd-sized chunks to an even boundary.
        }
    }
}
