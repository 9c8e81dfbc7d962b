using System.Buffers.Binary;
using Captions.Engine.Audio;
using Captions.TestKit.Audio;
using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.Audio;

public sealed class Pcm16DecoderTests
{
    [Fact]
    public void Decode_KnownSamples_ScalesToMinusOneToOne()
    {
        byte[] bytes = [0x00, 0x80, 0xFF, 0x7F, 0x00, 0x00, 0x00, 0x40];
        var output = new float[4];

        int written = new Pcm16Decoder().Decode(bytes, output);

        written.Should().Be(4);
        output.Should().Equal(-1f, 32767f / 32768, 0f, 0.5f);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1_001)]
    public void Decode_ChunksSplittingSamples_CarryTheOddByte(int chunkBytes)
    {
        short[] samples = TestSignal.Noise(5_000, seed: 13).Select(s => (short)(s * 32767)).ToArray();
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        }

        var decoder = new Pcm16Decoder();
        var output = new float[samples.Length];
        int written = 0;

        for (int offset = 0; offset < bytes.Length; offset += chunkBytes)
        {
            ReadOnlySpan<byte> chunk = bytes.AsSpan(offset, Math.Min(chunkBytes, bytes.Length - offset));
            written += decoder.Decode(chunk, output.AsSpan(written));
        }

        written.Should().Be(samples.Length);
        decoder.HasPartialSample.Should().BeFalse();
        output.Should().Equal(samples.Select(s => s / 32768f));
    }

    [Fact]
    public void Decode_OutputTooSmall_Throws()
    {
        var decoder = new Pcm16Decoder();

        Action decode = () => decoder.Decode(new byte[10], new float[4]);

        decode.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Decode_AfterWarmUp_AllocatesNothing()
    {
        var decoder = new Pcm16Decoder();
        var bytes = new byte[641]; // odd on purpose: every other call carries a byte
        var output = new float[Pcm16Decoder.GetMaxOutputLength(bytes.Length)];
        int written = 0;

        long allocated = AllocationProbe.SteadyStateBytes(() => written += decoder.Decode(bytes, output), iterations: 100);

        written.Should().BeGreaterThanOrEqualTo(101 * 320);
        allocated.Should().Be(0);
    }
}
