using System.Globalization;
using Captions.TestKit.Models;

namespace Captions.Native.Whisper.Tests;

[Collection(WhisperCollection.Name)]
public sealed class WhisperFactoryTests(WhisperModelFixture fixture)
{
    [Fact]
    public void FromPath_MissingFile_ThrowsWhisperModelExceptionNamingTheFile()
    {
        string path = Path.Combine(fixture.Directory, "missing.bin");

        Action act = () => WhisperFactory.FromPath(path);

        act.Should().Throw<WhisperModelException>().Where(e => e.ModelPath == path).WithMessage($"*{path}*does not exist*");
    }

    [Fact]
    public void FromPath_BadMagic_ThrowsWithWhispersOwnReason()
    {
        string path = Path.Combine(fixture.Directory, "bad-magic.bin");
        WhisperModelWriter.WriteBadMagic(path, WhisperModelDimensions.Tiny4);

        Action act = () => WhisperFactory.FromPath(path);

        act.Should().Throw<WhisperModelException>().WithMessage($"*{path}*invalid model data (bad magic)*");
    }

    [Fact]
    public void FromPath_Truncated_ThrowsNamingTheFile()
    {
        string path = Path.Combine(fixture.Directory, "truncated.bin");
        WhisperModelWriter.WriteTruncated(path, WhisperModelDimensions.Tiny4);

        Action act = () => WhisperFactory.FromPath(path);

        act.Should().Throw<WhisperModelException>().WithMessage($"*{path}*failed to load*");
    }

    [Fact]
    public void FromPath_WrongTensorShape_ThrowsNamingTheTensor()
    {
        string path = Path.Combine(fixture.Directory, "wrong-shape.bin");
        WhisperModelWriter.WriteWrongShape(path, WhisperModelDimensions.Tiny4);

        Action act = () => WhisperFactory.FromPath(path);

        act.Should().Throw<WhisperModelException>().WithMessage($"*{path}*encoder.conv1.bias*");
    }

    [Fact]
    public void FromPath_EmptyFile_ThrowsNamingTheFile()
    {
        string path = Path.Combine(fixture.Directory, "empty.bin");
        File.WriteAllBytes(path, []);

        Action act = () => WhisperFactory.FromPath(path);

        act.Should().Throw<WhisperModelException>().WithMessage($"*{path}*");
    }

    [Fact]
    public void FromPath_FiftyLoadsAndFrees_ResidentMemoryStaysBounded()
    {
        static long ResidentKilobytes()
        {
            string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }

        static void LoadAndFree(string model, int times)
        {
            for (int i = 0; i < times; i++)
            {
                using WhisperFactory factory = WhisperFactory.FromPath(model);
                using WhisperProcessor processor = factory.CreateBuilder().Build();
            }
        }

        LoadAndFree(fixture.Tiny4Path, 10);
        long afterTen = ResidentKilobytes();
        LoadAndFree(fixture.Tiny4Path, 40);
        long afterFifty = ResidentKilobytes();

        // A leaked context + state costs >= 4 MB of weights plus MBs of KV cache and compute buffers each: 40 leaks
        // would add well over 160 MB. 64 MB of slack absorbs allocator and GC noise.
        (afterFifty - afterTen).Should().BeLessThan(64 * 1024);
    }

    [RealWhisperModelFact]
    public void Process_RealModelOnJfk_TranscribesTheFamousLine()
    {
        using WhisperFactory factory = WhisperFactory.FromPath(RealWhisperModelFactAttribute.ModelPath);
        using WhisperProcessor processor = factory.CreateBuilder().WithThreads(2).Build();

        WhisperResult result = processor.Process(fixture.Jfk);

        string text = string.Concat(result.Segments.Select(s => s.Text)).ToLowerInvariant();
        text.Should().Contain("ask not what your country can do for you");
    }
}
