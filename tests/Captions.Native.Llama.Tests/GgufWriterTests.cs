using Captions.TestKit.Models;

namespace Captions.Native.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class GgufWriterTests(TinyModelFixture fixture)
{
    [Fact]
    public void WriteQwen2_Tiny_CopiesEveryTokenizerKeyByteForByte()
    {
        GgufMetadata vocab = GgufReader.Read(fixture.VocabPath);
        GgufMetadata written = GgufReader.Read(fixture.ModelPath);

        var tokenizerKeys = vocab.KeyValues.Where(entry => entry.Key.StartsWith("tokenizer.", StringComparison.Ordinal)).ToList();
        tokenizerKeys.Should().HaveCountGreaterThan(5);
        foreach (GgufKeyValue entry in tokenizerKeys)
        {
            GgufKeyValue? copy = written.Find(entry.Key);
            copy.Should().NotBeNull(entry.Key);
            copy!.Type.Should().Be(entry.Type);
            copy.RawValue.ToArray().Should().Equal(entry.RawValue.ToArray(), entry.Key);
        }
    }

    [Fact]
    public void WriteQwen2_Tiny_DeclaresQwen2DimensionsAndTensors()
    {
        GgufMetadata written = GgufReader.Read(fixture.ModelPath);

        written.Version.Should().Be(3);
        written.Find("general.architecture")!.AsString().Should().Be("qwen2");
        written.Find("qwen2.embedding_length")!.AsUInt64().Should().Be(64);
        written.Find("qwen2.block_count")!.AsUInt64().Should().Be(1);
        written.Find("general.alignment")!.AsUInt64().Should().Be(32);
        // token_embd, output_norm, output + 12 per layer (4 norms/outputs, q/k/v weight + bias, 3 FFN matrices).
        written.TensorCount.Should().Be(3 + 12);
    }

    [Fact]
    public void WriteQwen2_SameOptions_ByteIdenticalFiles()
    {
        string again = Path.Combine(fixture.TempDirectory, "again.gguf");

        GgufWriter.WriteQwen2(again, fixture.VocabPath, GgufWriterOptions.Tiny);

        File.ReadAllBytes(again).AsSpan().SequenceEqual(File.ReadAllBytes(fixture.ModelPath)).Should().BeTrue();
    }

    [Fact]
    public void Read_NotGguf_ThrowsInvalidData()
    {
        string path = Path.Combine(fixture.TempDirectory, "text.gguf");
        File.WriteAllText(path, "plain text, not a model");

        Action act = () => GgufReader.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage("*GGUF*");
    }
}
