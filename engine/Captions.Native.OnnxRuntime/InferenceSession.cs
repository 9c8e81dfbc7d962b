using System.Runtime.InteropServices;
using System.Text;

namespace Captions.Native.OnnxRuntime;

/// <summary>
/// A loaded ONNX model: its inputs and outputs as declared, and <see cref="Run"/> over caller-owned tensors.
/// </summary>
/// <remarks>
/// Threading model: ORT allows concurrent Run calls on one session, but the tensors passed in are the caller's
/// buffers; the usual owner is one stage thread. Dispose only when no Run is in flight.
/// Steady state: <see cref="Run"/> allocates nothing managed (names are kept as native UTF-8 from load time and
/// the value pointers go on the stack), so a VAD or OCR stage can call it per frame.
/// </remarks>
public sealed unsafe class InferenceSession : IDisposable
{
    // ONNXType.ONNX_TYPE_TENSOR: other kinds (sequence, map, optional) have no tensor info to read.
    private const int OnnxTypeTensor = 1;

    // Above this, the value pointer arrays would not fit comfortably on the stack; no model here has more than 3.
    private const int MaxStackValues = 64;

    private readonly OrtHandle _session;
    private readonly nint[] _inputNames;
    private readonly nint[] _outputNames;
    private bool _disposed;

    /// <summary>Loads <paramref name="modelPath"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="modelPath"/>.</exception>
    /// <exception cref="OnnxRuntimeException">ORT cannot load it (not ONNX, truncated, unsupported opset), with
    /// ORT's message and the path.</exception>
    public InferenceSession(OrtEnvironment environment, string modelPath, InferenceSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= InferenceSessionOptions.Default;
        ModelPath = Path.GetFullPath(modelPath);
        if (!File.Exists(ModelPath))
        {
            throw new FileNotFoundException($"ONNX model '{ModelPath}' does not exist.", ModelPath);
        }

        OrtApi api = OnnxRuntimeLibrary.Api;
        nint sessionOptions = 0;
        OnnxRuntimeLibrary.Check(api.CreateSessionOptions(&sessionOptions), "creating session options", ModelPath);
        using var optionsHandle = new OrtHandle(sessionOptions, OrtHandleKind.SessionOptions);
        OnnxRuntimeLibrary.Check(api.SetIntraOpNumThreads(sessionOptions, options.IntraOpThreads), "setting intra-op threads", ModelPath);
        OnnxRuntimeLibrary.Check(api.SetInterOpNumThreads(sessionOptions, options.InterOpThreads), "setting inter-op threads", ModelPath);
        OnnxRuntimeLibrary.Check(
            api.SetSessionGraphOptimizationLevel(sessionOptions, (int)options.GraphOptimizationLevel), "setting the graph optimization level", ModelPath);

        nint session = 0;
        byte[] pathBytes = Encoding.UTF8.GetBytes(ModelPath + "\0");
        fixed (byte* path = pathBytes)
        {
            OnnxRuntimeLibrary.Check(
                api.CreateSession(environment.Handle.DangerousGetHandle(), path, sessionOptions, &session), "loading the model", ModelPath);
        }

        GC.KeepAlive(environment);
        _session = new OrtHandle(session, OrtHandleKind.Session);
        try
        {
            Inputs = ReadMetadata(api, isInput: true);
            Outputs = ReadMetadata(api, isInput: false);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        _inputNames = ToNativeNames(Inputs);
        _outputNames = ToNativeNames(Outputs);
    }

    /// <summary>Full path of the loaded model.</summary>
    public string ModelPath { get; }

    /// <summary>The model's inputs, in the order <see cref="Run"/> takes them.</summary>
    public IReadOnlyList<TensorMetadata> Inputs { get; }

    /// <summary>The model's outputs, in the order <see cref="Run"/> fills them.</summary>
    public IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>
    /// Runs the model: <paramref name="inputs"/> and <paramref name="outputs"/> in the order of
    /// <see cref="Inputs"/> and <see cref="Outputs"/>. ORT writes results into the output tensors' buffers, so
    /// their shapes must be the ones the model produces.
    /// </summary>
    /// <exception cref="ArgumentException">The number of tensors does not match the model's.</exception>
    /// <exception cref="OnnxRuntimeException">ORT rejected the run (wrong shape or type, ...), with ORT's message.</exception>
    public void Run(ReadOnlySpan<OrtTensor> inputs, ReadOnlySpan<OrtTensor> outputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (inputs.Length != _inputNames.Length || outputs.Length != _outputNames.Length)
        {
            throw new ArgumentException(
                $"Model '{ModelPath}' takes {_inputNames.Length} input(s) and {_outputNames.Length} output(s); got {inputs.Length} and {outputs.Length}.");
        }

        if (inputs.Length > MaxStackValues || outputs.Length > MaxStackValues)
        {
            throw new ArgumentException($"Model '{ModelPath}' has more than {MaxStackValues} inputs or outputs.");
        }

        nint* inputValues = stackalloc nint[inputs.Length];
        nint* outputValues = stackalloc nint[outputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputValues[i] = inputs[i].Value.DangerousGetHandle();
        }

        for (int i = 0; i < outputs.Length; i++)
        {
            outputValues[i] = outputs[i].Value.DangerousGetHandle();
        }

        nint status;
        fixed (nint* inputNames = _inputNames)
        fixed (nint* outputNames = _outputNames)
        {
            status = OnnxRuntimeLibrary.Api.Run(
                _session.DangerousGetHandle(), 0, inputNames, inputValues, (nuint)inputs.Length, outputNames, (nuint)outputs.Length, outputValues);
        }

        // The tensors own the values ORT just used: keep them alive across the native call.
        for (int i = 0; i < inputs.Length; i++)
        {
            GC.KeepAlive(inputs[i]);
        }

        for (int i = 0; i < outputs.Length; i++)
        {
            GC.KeepAlive(outputs[i]);
        }

        OnnxRuntimeLibrary.Check(status, "running the model", ModelPath);
    }

    /// <summary>Releases the session and its native name strings.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session.Dispose();
        FreeNames(_inputNames);
        FreeNames(_outputNames);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Path.GetFileName(ModelPath)} ({string.Join("; ", Inputs)}) -> ({string.Join("; ", Outputs)})";

    private TensorMetadata[] ReadMetadata(OrtApi api, bool isInput)
    {
        nint session = _session.DangerousGetHandle();
        nuint count;
        OnnxRuntimeLibrary.Check(
            isInput ? api.SessionGetInputCount(session, &count) : api.SessionGetOutputCount(session, &count),
            "counting the model's inputs and outputs",
            ModelPath);
        nint allocator;
        OnnxRuntimeLibrary.Check(api.GetAllocatorWithDefaultOptions(&allocator), "getting the default allocator", ModelPath);

        var result = new TensorMetadata[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* namePointer = null;
            OnnxRuntimeLibrary.Check(
                isInput ? api.SessionGetInputName(session, i, allocator, &namePointer) : api.SessionGetOutputName(session, i, allocator, &namePointer),
                "reading an input or output name",
                ModelPath);
            string name = Marshal.PtrToStringUTF8((nint)namePointer) ?? string.Empty;
            OrtApi.AllocatorFree(allocator, namePointer);

            nint typeInfo = 0;
            OnnxRuntimeLibrary.Check(
                isInput ? api.SessionGetInputTypeInfo(session, i, &typeInfo) : api.SessionGetOutputTypeInfo(session, i, &typeInfo),
                $"reading the type of '{name}'",
                ModelPath);
            using var typeInfoHandle = new OrtHandle(typeInfo, OrtHandleKind.TypeInfo);
            result[(int)i] = ReadTensorInfo(api, name, typeInfo);
        }

        return result;
    }

    private TensorMetadata ReadTensorInfo(OrtApi api, string name, nint typeInfo)
    {
        int onnxType;
        OnnxRuntimeLibrary.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), $"reading the type of '{name}'", ModelPath);
        if (onnxType != OnnxTypeTensor)
        {
            return new TensorMetadata(name, TensorElementType.Undefined, [], []);
        }

        // Owned by typeInfo: not released separately.
        nint tensorInfo = 0;
        OnnxRuntimeLibrary.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), $"reading the tensor type of '{name}'", ModelPath);
        int elementType;
        OnnxRuntimeLibrary.Check(api.GetTensorElementType(tensorInfo, &elementType), $"reading the element type of '{name}'", ModelPath);
        nuint rank;
        OnnxRuntimeLibrary.Check(api.GetDimensionsCount(tensorInfo, &rank), $"reading the rank of '{name}'", ModelPath);
        var dims = new long[(int)rank];
        var symbolic = new string[(int)rank];
        if (rank > 0)
        {
            byte** symbolicPointers = stackalloc byte*[(int)rank];
            fixed (long* dimsPointer = dims)
            {
                OnnxRuntimeLibrary.Check(api.GetDimensions(tensorInfo, dimsPointer, rank), $"reading the shape of '{name}'", ModelPath);
            }

            OnnxRuntimeLibrary.Check(api.GetSymbolicDimensions(tensorInfo, symbolicPointers, rank), $"reading the shape of '{name}'", ModelPath);
            for (int d = 0; d < (int)rank; d++)
            {
                symbolic[d] = Marshal.PtrToStringUTF8((nint)symbolicPointers[d]) ?? string.Empty;
            }
        }

        var type = Enum.IsDefined((TensorElementType)elementType) ? (TensorElementType)elementType : TensorElementType.Undefined;
        return new TensorMetadata(name, type, dims, symbolic);
    }

    private static nint[] ToNativeNames(IReadOnlyList<TensorMetadata> metadata)
    {
        var names = new nint[metadata.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = Marshal.StringToCoTaskMemUTF8(metadata[i].Name);
        }

        return names;
    }

    private static void FreeNames(nint[] names)
    {
        foreach (nint name in names)
        {
            Marshal.FreeCoTaskMem(name);
        }
    }
}
