namespace Captions.Vision.Tests.Imaging;

/// <summary>
/// Writes a valid baseline grayscale JPEG of any size whose every pixel is mid-gray (128), without an encoder: all
/// 8x8 blocks have DC difference 0 and no AC coefficients, so with one-symbol Huffman tables (code "0") each block
/// is two 0 bits. A 20000x20000 image is 1.5 MB. ffmpeg refuses to make pictures this large (w*h above 2^28).
/// </summary>
internal static class SyntheticJpeg
{
    public static string WriteUniformGray(string path, int width, int height)
    {
        using var file = File.Create(path);
        void Marker(byte code, ReadOnlySpan<byte> payload)
        {
            file.WriteByte(0xFF);
            file.WriteByte(code);
            int length = payload.Length + 2;
            file.WriteByte((byte)(length >> 8));
            file.WriteByte((byte)length);
            file.Write(payload);
        }

        file.Write([0xFF, 0xD8]);

        // DQT: table 0, 8-bit, all ones.
        var dqt = new byte[65];
        Array.Fill(dqt, (byte)1);
        dqt[0] = 0;
        Marker(0xDB, dqt);

        // SOF0: 8-bit precision, height, width, 1 component (id 1, sampling 1x1, table 0).
        Marker(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);

        // DHT: DC table 0 and AC table 0, each with one code of length 1 for symbol 0 (DC: size 0; AC: EOB).
        var table = new byte[1 + 16 + 1];
        table[1] = 1;
        table[0] = 0x00;
        Marker(0xC4, table);
        table[0] = 0x10;
        Marker(0xC4, table);

        // SOS: 1 component (id 1, tables 0/0), spectral 0..63, no approximation.
        Marker(0xDA, [1, 1, 0x00, 0, 63, 0]);

        long blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
        long bits = blocks * 2;
        long bytes = (bits + 7) / 8;
        var zeros = new byte[1 << 16];
        for (long left = bytes; left > 0; left -= zeros.Length)
        {
            file.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
        }

        // Pad bits of the last byte would be 1s; a whole number of zero bytes is still decodable (extra bits ignored).
        file.Write([0xFF, 0xD9]);
        return path;
    }
}
