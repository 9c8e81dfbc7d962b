using System.Buffers.Binary;

namespace Captions.Engine.Audio;

/// <summary>
/// Walks the RIFF chunks of a WAV stream up to the start of the data chunk and validates the format. Leaves the
/// stream positioned at the first audio byte.
/// </summary>
internal sealed class WavHeader
{
    private const ushort FormatPcm = 0x0001;
    private const ushort FormatAdpcm = 0x0002;
    private const ushort FormatIeeeFloat = 0x0003;
    private const ushort FormatALaw = 0x0006;
    private const ushort FormatMuLaw = 0x0007;
    private const ushort FormatImaAdpcm = 0x0011;
    private const ushort FormatMpeg = 0x0050;
    private const ushort FormatMp3 = 0x0055;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>A data size of 0xFFFFFFFF marks a WAV written to a pipe before its length was known: read to end.</summary>
    private const uint StreamedDataSize = 0xFFFF_FFFF;

    /// <summary>Real fmt chunks are 16, 18 or 40 bytes; anything past 64 we skip unread.</summary>
    private const int MaxFmtBytes = 64;

    // KSDATAFORMAT_SUBTYPE_* GUIDs are {XXXXXXXX-0000-0010-8000-00AA00389B71}; bytes 0-1 carry the format tag.
    private static ReadOnlySpan<byte> SubFormatGuidTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private WavHeader(WavInfo info, long? dataBytes)
    {
        Info = info;
        DataBytes = dataBytes;
    }

    public WavInfo Info { get; }

    /// <summary>Bytes of audio in the data chunk (whole frames), or null for a streamed file read to end of stream.</summary>
    public long? DataBytes { get; }

    public static WavHeader Read(Stream stream, string input, byte[] scratch)
    {
        Span<byte> head = scratch.AsSpan(0, 12);
        int got = stream.ReadAtLeast(head, 12, throwOnEndOfStream: false);
        if (got == 0)
        {
            throw AudioFormatException.For(input, "is empty (0 bytes), not a WAV file");
        }

        if (got >= 4 && !head[..4].SequenceEqual("RIFF"u8))
        {
            throw AudioFormatException.For(input, head[..4].SequenceEqual("RF64"u8)
                ? "RF64 (64-bit WAV) is not supported; convert with: " + ConvertHint(input)
                : "not a WAV file (no RIFF header)");
        }

        if (got < 12)
        {
            throw AudioFormatException.For(input, $"truncated header: {got} bytes, a WAV header needs at least 44");
        }

        if (!head[8..12].SequenceEqual("WAVE"u8))
        {
            throw AudioFormatException.For(input, "not a WAV file (RIFF form type is not WAVE)");
        }

        WavInfo? info = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            got = stream.ReadAtLeast(chunkHeader, 8, throwOnEndOfStream: false);
            if (got == 0)
            {
                throw AudioFormatException.For(input, info is null ? "missing fmt chunk" : "missing data chunk");
            }

            if (got < 8)
            {
                throw AudioFormatException.For(input, "truncated header: file ends inside a chunk header");
            }

            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (chunkHeader[..4].SequenceEqual("fmt "u8))
            {
                info = ReadFmt(stream, input, size, scratch);
            }
            else if (chunkHeader[..4].SequenceEqual("data"u8))
            {
                if (info is null)
                {
                    throw AudioFormatException.For(input, "missing fmt chunk before the data chunk");
                }

                return new WavHeader(info, ValidateData(stream, input, info, size));
            }
            else
            {
                Skip(stream, size + (size & 1), scratch);
            }
        }
    }

    public static string ConvertHint(string input) =>
        $"ffmpeg -i \"{input}\" -c:a pcm_s16le \"{Path.ChangeExtension(Path.GetFileName(input), null)}-s16.wav\"";

    private static WavInfo ReadFmt(Stream stream, string input, uint size, byte[] scratch)
    {
        if (size < 16)
        {
            throw AudioFormatException.For(input, $"fmt chunk is {size} bytes, needs at least 16");
        }

        int keep = (int)Math.Min(size, MaxFmtBytes);
        Span<byte> fmt = scratch.AsSpan(0, keep);
        if (stream.ReadAtLeast(fmt, keep, throwOnEndOfStream: false) < keep)
        {
            throw AudioFormatException.For(input, "truncated header: file ends inside the fmt chunk");
        }

        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        int validBits = bits;
        if (tag == FormatExtensible)
        {
            // cbSize (2) + validBits (2) + channelMask (4) + subformat GUID (16) after the 16 common bytes.
            if (keep < 40 || BinaryPrimitives.ReadUInt16LittleEndian(fmt[16..]) < 22)
            {
                throw AudioFormatException.For(input, "WAVE_FORMAT_EXTENSIBLE fmt chunk is too short for its subformat GUID");
            }

            validBits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]);
            ReadOnlySpan<byte> guid = fmt.Slice(24, 16);
            if (!guid[2..].SequenceEqual(SubFormatGuidTail))
            {
                throw AudioFormatException.For(input, "unsupported encoding: unknown WAVE_FORMAT_EXTENSIBLE subformat GUID");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
            validBits = validBits == 0 ? bits : validBits;
            if (validBits > bits)
            {
                throw AudioFormatException.For(input, $"valid bits per sample ({validBits}) exceed the container size ({bits})");
            }
        }

        Skip(stream, size - (uint)keep + (size & 1), scratch);

        WavEncoding encoding = tag switch
        {
            FormatPcm => WavEncoding.Pcm,
            FormatIeeeFloat when bits == 64 => throw Unsupported(input, "64-bit float"),
            FormatIeeeFloat => WavEncoding.IeeeFloat,
            FormatALaw => throw Unsupported(input, "A-law"),
            FormatMuLaw => throw Unsupported(input, "mu-law"),
            FormatAdpcm or FormatImaAdpcm => throw Unsupported(input, "ADPCM"),
            FormatMpeg or FormatMp3 => throw Unsupported(input, "MPEG audio in a WAV"),
            _ => throw Unsupported(input, $"format tag 0x{tag:X4}"),
        };

        bool bitsOk = encoding == WavEncoding.Pcm ? bits is 8 or 16 or 24 or 32 : bits == 32 && validBits == 32;
        if (!bitsOk)
        {
            throw Unsupported(input, $"{bits}-bit {(encoding == WavEncoding.Pcm ? "PCM" : "float")}");
        }

        if (channels == 0)
        {
            throw AudioFormatException.For(input, "fmt chunk declares 0 channels");
        }

        if (sampleRate == 0 || sampleRate > 1_000_000)
        {
            throw AudioFormatException.For(input, $"fmt chunk declares an impossible sample rate of {sampleRate} Hz");
        }

        var info = new WavInfo((int)sampleRate, channels, bits, encoding, FrameCount: null);
        if (blockAlign != info.BlockAlign)
        {
            throw AudioFormatException.For(input, $"fmt chunk block align is {blockAlign}, but {channels} channel(s) of {bits}-bit samples need {info.BlockAlign}");
        }

        return info;
    }

    private static AudioFormatException Unsupported(string input, string what) =>
        AudioFormatException.For(input, $"{what} is not supported; convert with: {ConvertHint(input)}");

    private static long? ValidateData(Stream stream, string input, WavInfo info, uint size)
    {
        long? available = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        if (size == StreamedDataSize)
        {
            if (available is long left && left < info.BlockAlign)
            {
                throw AudioFormatException.For(input, "contains no audio (streamed data chunk is empty)");
            }

            return null;
        }

        // A trailing partial frame cannot be decoded; drop it rather than fail a file that is otherwise fine.
        long whole = size - (size % info.BlockAlign);
        if (whole == 0)
        {
            throw AudioFormatException.For(input, "contains no audio (data chunk is empty)");
        }

        if (available is long held && size > held)
        {
            throw AudioFormatException.For(input, $"truncated: header claims {size} bytes of audio, file holds {held}");
        }

        return whole;
    }

    private static void Skip(Stream stream, long bytes, byte[] scratch)
    {
        if (bytes == 0)
        {
            return;
        }

        if (stream.CanSeek)
        {
            // Seeking past the end is legal on a FileStream; the next chunk-header read then sees end of file.
            stream.Seek(bytes, SeekOrigin.Current);
            return;
        }

        while (bytes > 0)
        {
            int n = stream.Read(scratch, 0, (int)Math.Min(bytes, scratch.Length));
            if (n == 0)
            {
                return;
            }

            bytes -= n;
        }
    }
}
