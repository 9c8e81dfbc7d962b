using Captions.Native.OnnxRuntime;
using Captions.TestKit.Audio;
using Captions.TestKit.Diagnostics;

namespace Captions.Vad.Silero.Tests;

public sealed unsafe class OnnxRuntimeBindingTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("captions-ort-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void TryLoad_BootstrappedLibrary_ReportsVersionAndApi()
    {
        bool loaded = OnnxRuntimeLibrary.TryLoad(SileroTestAssets.LibraryPath, out string? version, out string? error);

        loaded.Should().BeTrue(error);
        version.Should().Be("1.30.0");
        OnnxRuntimeLibrary.ApiVersion.Should().BeInRange(1, OnnxRuntimeLibrary.MaxApiVersion);
        OnnxRuntimeLibrary.LoadedPath.Should().Be(Path.GetFullPath(SileroTestAssets.LibraryPath));
    }

    [Fact]
    public void TryLoad_MissingFile_FailsNamingTheFile()
    {
        string missing = Path.Combine(_scratch, "libonnxruntime.so.1");

        bool loaded = OnnxRuntimeLibrary.TryLoad(missing, out _, out string? error);

        loaded.Should().BeFalse();
        error.Should().Contain(missing).And.Contain("bootstrap");
    }

    [Fact]
    public void Api_StatusRoundTrip_ReadsCodeAndMessageBack()
    {
        // Pins table entries 0-2 (CreateStatus, GetErrorCode, GetErrorMessage) and 93 (ReleaseStatus).
        _ = SileroTestAssets.Environment;
        OrtApi api = OnnxRuntimeLibrary.Api;
        nint status;
        fixed (byte* message = "deliberate failure\0"u8)
        {
            status = api.CreateStatus((int)OrtErrorCode.InvalidGraph, message);
        }

        (int Code, string Message)? taken = api.TakeStatus(status);

        taken.Should().Be(((int)OrtErrorCode.InvalidGraph, "deliberate failure"));
    }

    [Fact]
    public void Session_SileroModel_IntrospectsInputsAndOutputs()
    {
        using var session = new InferenceSession(SileroTestAssets.Environment, SileroTestAssets.ModelPath);

        session.Inputs.Select(i => (i.Name, i.ElementType, string.Join(",", i.Shape))).Should().Equal(
            ("input", TensorElementType.Float, "-1,-1"),
            ("state", TensorElementType.Float, "2,-1,128"),
            ("sr", TensorElementType.Int64, string.Empty));
        session.Outputs.Select(o => (o.Name, o.ElementType, string.Join(",", o.Shape))).Should().Equal(
            ("output", TensorElementType.Float, "-1,1"),
            ("stateN", TensorElementType.Float, "-1,-1,-1"));
    }

    [Fact]
    public void Run_OneWindowOfSpeechLikeNoise_WritesProbabilityAndNewState()
    {
        OrtEnvironment env = SileroTestAssets.Environment;
        using var session = new InferenceSession(env, SileroTestAssets.ModelPath);
        using var input = OrtTensor<float>.Create(env, 1, 576);
        using var state = OrtTensor<float>.Create(env, 2, 1, 128);
        using var sr = OrtTensor<long>.Create(env);
        using var output = OrtTensor<float>.Create(env, 1, 1);
        using var stateN = OrtTensor<float>.Create(env, 2, 1, 128);
        TestSignal.Noise(576, seed: 3, amplitude: 0.3).CopyTo(input.Span);
        sr.Span[0] = 16000;
        output.Span[0] = float.NaN;

        session.Run([input, state, sr], [output, stateN]);

        output.Span[0].Should().BeInRange(0f, 1f);
        stateN.Span.ToArray().Should().Contain(v => v != 0f, "the recurrent state moves after a window");
    }

    [Fact]
    public void Run_WrongInputShape_ThrowsWithOrtsMessage()
    {
        OrtEnvironment env = SileroTestAssets.Environment;
        using var session = new InferenceSession(env, SileroTestAssets.ModelPath);
        using var input = OrtTensor<float>.Create(env, 1, 576);
        using var state = OrtTensor<float>.Create(env, 2, 1, 64);
        using var sr = OrtTensor<long>.Create(env);
        using var output = OrtTensor<float>.Create(env, 1, 1);
        using var stateN = OrtTensor<float>.Create(env, 2, 1, 128);
        sr.Span[0] = 16000;

        Action run = () => session.Run([input, state, sr], [output, stateN]);

        OnnxRuntimeException ex = run.Should().Throw<OnnxRuntimeException>().Which;
        ex.ErrorCode.Should().Be(OrtErrorCode.InvalidArgument);
        ex.OrtMessage.Should().Contain("state").And.Contain("dimensions");
        ex.Message.Should().Contain(SileroTestAssets.ModelPath);
    }

    [Fact]
    public void Run_WrongTensorCount_ThrowsArgumentException()
    {
        OrtEnvironment env = SileroTestAssets.Environment;
        using var session = new InferenceSession(env, SileroTestAssets.ModelPath);
        using var input = OrtTensor<float>.Create(env, 1, 576);

        Action run = () => session.Run([input], []);

        run.Should().Throw<ArgumentException>().WithMessage("*takes 3 input(s) and 2 output(s)*");
    }

    [Fact]
    public void Session_GarbageFile_ThrowsNamingTheFile()
    {
        string garbage = Path.Combine(_scratch, "garbage.onnx");
        File.WriteAllBytes(garbage, TestSignal.Noise(4096, seed: 9).Select(f => (byte)(f * 255)).ToArray());

        Action open = () => _ = new InferenceSession(SileroTestAssets.Environment, garbage);

        OnnxRuntimeException ex = open.Should().Throw<OnnxRuntimeException>().Which;
        ex.Message.Should().Contain(garbage);
        ex.ModelPath.Should().Be(garbage);
        ex.OrtMessage.Should().NotBeEmpty();
    }

    [Fact]
    public void Session_TruncatedModel_ThrowsNamingTheFile()
    {
        string truncated = Path.Combine(_scratch, "truncated.onnx");
        byte[] model = File.ReadAllBytes(SileroTestAssets.ModelPath);
        File.WriteAllBytes(truncated, model.AsSpan(0, model.Length / 2).ToArray());

        Action open = () => _ = new InferenceSession(SileroTestAssets.Environment, truncated);

        open.Should().Throw<OnnxRuntimeException>().Which.Message.Should().Contain(truncated);
    }

    [Fact]
    public void Session_MissingFile_ThrowsFileNotFoundNamingTheFile()
    {
        string missing = Path.Combine(_scratch, "missing.onnx");

        Action open = () => _ = new InferenceSession(SileroTestAssets.Environment, missing);

        open.Should().Throw<FileNotFoundException>().Which.FileName.Should().Be(missing);
    }

    [Fact]
    public void Run_SteadyState_AllocatesNothingManaged()
    {
        OrtEnvironment env = SileroTestAssets.Environment;
        using var session = new InferenceSession(env, SileroTestAssets.ModelPath);
        using var input = OrtTensor<float>.Create(env, 1, 576);
        using var state = OrtTensor<float>.Create(env, 2, 1, 128);
        using var sr = OrtTensor<long>.Create(env);
        using var output = OrtTensor<float>.Create(env, 1, 1);
        using var stateN = OrtTensor<float>.Create(env, 2, 1, 128);
        sr.Span[0] = 16000;
        OrtTensor[] inputs = [input, state, sr];
        OrtTensor[] outputs = [output, stateN];

        long bytes = AllocationProbe.SteadyStateBytes(() => session.Run(inputs, outputs));

        bytes.Should().Be(0);
    }

    [Fact]
    public void Environment_GetOrCreate_ReturnsTheProcessSingleton()
    {
        OrtEnvironment first = SileroTestAssets.Environment;

        OrtEnvironment second = OrtEnvironment.GetOrCreate(SileroTestAssets.LibraryPath);

        second.Should().BeSameAs(first);
        first.Version.Should().Be("1.30.0");
    }
}
