using Captions.Engine.Hosting;

namespace Captions.Native.Llama.Tests;

public sealed class LlamaPathsTests
{
    [Theory]
    [InlineData("CAPTIONS_LLAMA_LIB_DIR")]
    [InlineData("CAPTIONS_LLAMA_VOCAB_GGUF")]
    public void CaptionsPaths_LlamaLocations_MatchWhatBootstrapWroteToEnvSh(string variable)
    {
        CaptionsPaths paths = CaptionsPaths.FromEnvironment();
        string envFile = Path.Combine(paths.CacheRoot, "env.sh");
        File.Exists(envFile).Should().BeTrue($"{envFile} is written by the bootstrap: run ./scripts/bootstrap.sh");
        string expected = variable == "CAPTIONS_LLAMA_LIB_DIR" ? paths.LlamaLibraryDirectory : paths.LlamaQwen2VocabPath;

        string? line = File.ReadLines(envFile).FirstOrDefault(l => l.StartsWith($"export {variable}=", StringComparison.Ordinal));

        // printf %q leaves these paths unquoted except for the '@' of the scoped npm name, which it does not escape.
        line.Should().Be($"export {variable}={expected}");
        Path.Exists(expected).Should().BeTrue("run ./scripts/bootstrap.sh");
    }
}
