using System.Buffers.Binary;

namespace Captions.Engine.Audio;

/// <summary>
/// Decodes raw signed 16-bit little-endian PCM (stdin, an ffmpeg <c>-f s16le</c> pipe) to floats in [-1, 1).
/// A read that ends mid-sample leaves one byte over; it is carried into the next call, so chunk boundaries never
/// shift or corrupt samples.
/// </summary>
/// <remarks>Threading model: not thread-safe; one instance per stream. Decode allocates nothing.</remarks>
public sealed class Pcm16Decoder
{
    private byte _carry;
    private bool _hasCarry;

    /// <summary>True when the last call ended halfway through a sample.</summary>
    public bool HasPartialSample => _hasCarry;

    /// <summary>Samples <see cref="Decode"/> can produce from <paramref name="byteCount"/> bytes (plus a carried byte).</summary>
    public static int GetMaxOutputLength(int byteCount) => (byteCount + 1) / 2;

    /// <summary>Decodes <paramref name="bytes"/>; returns the samples written to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetMaxOutputLength"/>.</exception>
    public int Decode(ReadOnlySpan<byte> bytes, Span<float> output)
    {
        int samples = ((_hasCarry ? 1 : 0) + bytes.Length) / 2;
        if (output.Length < samples)
        {
            throw new ArgumentException($"Output holds {output.Length} samples but {bytes.Length} bytes decode to {samples}.", nameof(output));
        }

        int written = 0;
        if (_hasCarry && !bytes.IsEmpty)
        {
            output[written++] = (short)(_carry | (bytes[0] << 8)) * (1f / 32768);
            bytes = bytes[1..];
            _hasCarry = false;
        }

        int whole = bytes.Length / 2;
        for (int i = 0; i < whole; i++)
        {
            output[written++] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]) * (1f / 32768);
        }

        if ((bytes.Length & 1) == 1)
        {
            _carry = bytes[^1];
            _hasCarry = true;
        }

        return written;
    }

    /// <summary>Drops a carried half sample: the next byte starts a new sample.</summary>
    public void Reset() => _hasCarry = false;
}
