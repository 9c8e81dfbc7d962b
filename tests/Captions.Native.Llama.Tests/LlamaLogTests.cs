using Captions.Engine.Hosting;
using Microsoft.Extensions.Logging;

namespace Captions.Native.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class LlamaLogTests(TinyModelFixture fixture)
{
    [Fact]
    public void Load_WithLogger_RoutesLlamaLinesToIt()
    {
        var logger = new RecordingLogger();
        LlamaLibrary.Load(CaptionsPaths.FromEnvironment().LlamaLibraryDirectory, logger);
        string path = Path.Combine(fixture.TempDirectory, "log-half.gguf");
        byte[] bytes = File.ReadAllBytes(fixture.ModelPath);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Action act = () => LLamaWeights.LoadFromFile(new ModelParams(path));

        act.Should().Throw<LlamaModelException>();
        logger.Lines.Should().Contain(line => line.Level == LogLevel.Error && line.Message.StartsWith("llama: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OtherDirectory_IsRefused()
    {
        Action act = () => LlamaLibrary.Load(fixture.TempDirectory);

        act.Should().Throw<LlamaLibraryException>().WithMessage("*already loaded*");
    }
}
