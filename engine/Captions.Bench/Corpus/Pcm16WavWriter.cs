using System.Buffers.Binary;
using Captions.Engine.Audio;

namespace Captions.Bench.Corpus;

/// <summary>
/// Writes 16 kHz mono 16-bit PCM WAV, the one format whisper-cli and pocketsphinx_continuous both read, streaming so
/// an hour-long session (115 MB) never sits in memory. Writes to a unique "&lt;path&gt;.&lt;guid&gt;.tmp" and renames on
/// <see cref="Complete"/>, so a cancelled or crashed build never leaves a truncated file that looks like a cache hit.
/// </summary>
/// <remarks>
/// Samples are scaled by 32768 and rounded, the inverse of <see cref="WavReader"/>'s 16-bit decoding, so reading a
/// 16-bit file and writing it back is lossless.
/// </remarks>
internal sealed class Pcm16WavWriter : IDisposable
{
    private const int HeaderBytes = 44;
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[32 * 1024];
    private bool _completed;

    public Pcm16WavWriter(string path)
    {
        _path = path;
        _temporaryPath = $"{path}.{Guid.NewGuid():N}.tmp"; // unique: two processes may build the same item at once
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None);
        _stream.Write(new byte[HeaderBytes]);
    }

    /// <summary>Samples written so far.</summary>
    public long SampleCount { get; private set; }

    /// <summary>Writes one WAV holding <paramref name="samples"/>.</summary>
    public static void Write(string path, ReadOnlySpan<float> samples)
    {
        using var writer = new Pcm16WavWriter(path);
        writer.Append(samples);
        writer.Complete();
    }

    public void Append(ReadOnlySpan<float> samples)
    {
        while (!samples.IsEmpty)
        {
            int count = Math.Min(samples.Length, _buffer.Length / 2);
            for (int i = 0; i < count; i++)
            {
                float scaled = MathF.Round(samples[i] * 32768f);
                BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(2 * i), (short)Math.Clamp(scaled, short.MinValue, short.MaxValue));
            }

            _stream.Write(_buffer, 0, 2 * count);
            SampleCount += count;
            samples = samples[count..];
        }
    }

    public void AppendSilence(long count)
    {
        Array.Clear(_buffer);
        while (count > 0)
        {
            int n = (int)Math.Min(count, _buffer.Length / 2);
            _stream.Write(_buffer, 0, 2 * n);
            SampleCount += n;
            count -= n;
        }
    }

    /// <summary>Fills in the header sizes and moves the file into place.</summary>
    public void Complete()
    {
        long dataBytes = SampleCount * 2;
        if (dataBytes > uint.MaxValue - HeaderBytes)
        {
            throw new IOException($"{_path}: {SampleCount} samples do not fit a WAV file (4 GiB limit).");
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1); // mono
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)AudioFormat.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)AudioFormat.SampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);
        _stream.Position = 0;
        _stream.Write(header);
        _stream.Dispose();
        File.Move(_temporaryPath, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_completed)
        {
            File.Delete(_temporaryPath);
        }
    }
}
