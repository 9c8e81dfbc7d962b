namespace Captions.Native.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class TokenizerTests(TinyModelFixture fixture)
{
    private const string Separator = "\n__ggml_vocab_test__\n";

    [Fact]
    public void Tokenize_LlamaCppTestVectors_MatchEveryCase()
    {
        // llama.cpp's own vectors for this vocab (models/ggml-vocab-qwen2.gguf.inp/.out, used by test-tokenizer-0):
        // inputs separated by the marker, one line of expected ids per input, no special tokens added or parsed.
        string[] inputs = File.ReadAllText(fixture.VocabPath + ".inp").Split(Separator);
        string[] expected = File.ReadAllLines(fixture.VocabPath + ".out");
        inputs = inputs[..^1];
        inputs.Should().HaveCount(expected.Length).And.HaveCountGreaterThan(40);

        for (int i = 0; i < inputs.Length; i++)
        {
            int[] ids = fixture.Weights.Tokenize(inputs[i], addBos: false, special: false);
            int[] want = expected[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            ids.Should().Equal(want, $"case {i}: \"{inputs[i]}\"");
        }
    }

    [Fact]
    public void Detokenize_TokenizedText_RoundTrips()
    {
        const string text = "Où est la gare, s'il vous plaît? 駅はどこですか";

        int[] ids = fixture.Weights.Tokenize(text, addBos: false, special: false);

        fixture.Weights.Detokenize(ids).Should().Be(text);
    }

    [Fact]
    public void Tokenize_SpecialMarkers_AreSingleTokensOnlyWhenParsed()
    {
        int[] parsed = fixture.Weights.Tokenize("<|im_start|>", addBos: false, special: true);
        int[] literal = fixture.Weights.Tokenize("<|im_start|>", addBos: false, special: false);

        parsed.Should().Equal(151644);
        literal.Length.Should().BeGreaterThan(1);
    }

    [Fact]
    public void IsEndOfGeneration_ImEndAndEndOfText_AreEog()
    {
        int imEnd = fixture.Weights.Tokenize("<|im_end|>", addBos: false, special: true).Single();

        fixture.Weights.IsEndOfGeneration(imEnd).Should().BeTrue();
        fixture.Weights.IsEndOfGeneration(151643).Should().BeTrue();
        fixture.Weights.IsEndOfGeneration(9707).Should().BeFalse();
    }
}
