using System.Runtime.InteropServices;

namespace Captions.Native.OnnxRuntime;

/// <summary>
/// The <c>OrtApi</c> function table of onnxruntime_c_api.h read as an array of function pointers. The table is
/// append-only across releases (a new version adds entries at the end), so an index below is valid in every
/// API version at or above the one that introduced it; all used here exist since API version 1.
/// </summary>
/// <remarks>
/// Indices counted from the header's declaration order: CreateStatus is 0, Run 9, CreateTensorWithDataAsOrtValue
/// 49, ReleaseEnv 92. A miscount would call the wrong function; the binding tests pin the behaviour of each one
/// used (a status round trip, names and shapes of the Silero model, a run's output), so a shift fails there.
/// </remarks>
internal readonly unsafe struct OrtApi
{
    private const int CreateStatusIndex = 0;
    private const int GetErrorCodeIndex = 1;
    private const int GetErrorMessageIndex = 2;
    private const int CreateEnvIndex = 3;
    private const int CreateEnvWithCustomLoggerIndex = 4;
    private const int CreateSessionIndex = 7;
    private const int RunIndex = 9;
    private const int CreateSessionOptionsIndex = 10;
    private const int SetSessionGraphOptimizationLevelIndex = 23;
    private const int SetIntraOpNumThreadsIndex = 24;
    private const int SetInterOpNumThreadsIndex = 25;
    private const int SessionGetInputCountIndex = 30;
    private const int SessionGetOutputCountIndex = 31;
    private const int SessionGetInputTypeInfoIndex = 33;
    private const int SessionGetOutputTypeInfoIndex = 34;
    private const int SessionGetInputNameIndex = 36;
    private const int SessionGetOutputNameIndex = 37;
    private const int CreateTensorWithDataAsOrtValueIndex = 49;
    private const int CastTypeInfoToTensorInfoIndex = 55;
    private const int GetOnnxTypeFromTypeInfoIndex = 56;
    private const int GetTensorElementTypeIndex = 60;
    private const int GetDimensionsCountIndex = 61;
    private const int GetDimensionsIndex = 62;
    private const int GetSymbolicDimensionsIndex = 63;
    private const int CreateCpuMemoryInfoIndex = 69;
    private const int GetAllocatorWithDefaultOptionsIndex = 78;
    private const int ReleaseEnvIndex = 92;
    private const int ReleaseStatusIndex = 93;
    private const int ReleaseMemoryInfoIndex = 94;
    private const int ReleaseSessionIndex = 95;
    private const int ReleaseValueIndex = 96;
    private const int ReleaseTypeInfoIndex = 98;
    private const int ReleaseSessionOptionsIndex = 100;

    private readonly nint* _table;

    public OrtApi(nint table) => _table = (nint*)table;

    public bool IsNull => _table is null;

    public nint CreateStatus(int code, byte* message) =>
        ((delegate* unmanaged<int, byte*, nint>)_table[CreateStatusIndex])(code, message);

    public int GetErrorCode(nint status) => ((delegate* unmanaged<nint, int>)_table[GetErrorCodeIndex])(status);

    public byte* GetErrorMessage(nint status) =>
        ((delegate* unmanaged<nint, byte*>)_table[GetErrorMessageIndex])(status);

    public nint CreateEnv(int level, byte* logId, nint* env) =>
        ((delegate* unmanaged<int, byte*, nint*, nint>)_table[CreateEnvIndex])(level, logId, env);

    public nint CreateEnvWithCustomLogger(
        delegate* unmanaged<nint, int, byte*, byte*, byte*, byte*, void> logger, nint param, int level, byte* logId, nint* env) =>
        ((delegate* unmanaged<delegate* unmanaged<nint, int, byte*, byte*, byte*, byte*, void>, nint, int, byte*, nint*, nint>)
            _table[CreateEnvWithCustomLoggerIndex])(logger, param, level, logId, env);

    public nint CreateSession(nint env, byte* modelPath, nint options, nint* session) =>
        ((delegate* unmanaged<nint, byte*, nint, nint*, nint>)_table[CreateSessionIndex])(env, modelPath, options, session);

    public nint Run(
        nint session, nint runOptions, nint* inputNames, nint* inputs, nuint inputCount, nint* outputNames, nuint outputCount, nint* outputs) =>
        ((delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)_table[RunIndex])(
            session, runOptions, inputNames, inputs, inputCount, outputNames, outputCount, outputs);

    public nint CreateSessionOptions(nint* options) =>
        ((delegate* unmanaged<nint*, nint>)_table[CreateSessionOptionsIndex])(options);

    public nint SetSessionGraphOptimizationLevel(nint options, int level) =>
        ((delegate* unmanaged<nint, int, nint>)_table[SetSessionGraphOptimizationLevelIndex])(options, level);

    public nint SetIntraOpNumThreads(nint options, int threads) =>
        ((delegate* unmanaged<nint, int, nint>)_table[SetIntraOpNumThreadsIndex])(options, threads);

    public nint SetInterOpNumThreads(nint options, int threads) =>
        ((delegate* unmanaged<nint, int, nint>)_table[SetInterOpNumThreadsIndex])(options, threads);

    public nint SessionGetInputCount(nint session, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)_table[SessionGetInputCountIndex])(session, count);

    public nint SessionGetOutputCount(nint session, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)_table[SessionGetOutputCountIndex])(session, count);

    public nint SessionGetInputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged<nint, nuint, nint*, nint>)_table[SessionGetInputTypeInfoIndex])(session, index, typeInfo);

    public nint SessionGetOutputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged<nint, nuint, nint*, nint>)_table[SessionGetOutputTypeInfoIndex])(session, index, typeInfo);

    public nint SessionGetInputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged<nint, nuint, nint, byte**, nint>)_table[SessionGetInputNameIndex])(session, index, allocator, name);

    public nint SessionGetOutputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged<nint, nuint, nint, byte**, nint>)_table[SessionGetOutputNameIndex])(session, index, allocator, name);

    public nint CreateTensorWithDataAsOrtValue(
        nint memoryInfo, void* data, nuint byteLength, long* shape, nuint shapeLength, int elementType, nint* value) =>
        ((delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)_table[CreateTensorWithDataAsOrtValueIndex])(
            memoryInfo, data, byteLength, shape, shapeLength, elementType, value);

    public nint CastTypeInfoToTensorInfo(nint typeInfo, nint* tensorInfo) =>
        ((delegate* unmanaged<nint, nint*, nint>)_table[CastTypeInfoToTensorInfoIndex])(typeInfo, tensorInfo);

    public nint GetOnnxTypeFromTypeInfo(nint typeInfo, int* onnxType) =>
        ((delegate* unmanaged<nint, int*, nint>)_table[GetOnnxTypeFromTypeInfoIndex])(typeInfo, onnxType);

    public nint GetTensorElementType(nint tensorInfo, int* elementType) =>
        ((delegate* unmanaged<nint, int*, nint>)_table[GetTensorElementTypeIndex])(tensorInfo, elementType);

    public nint GetDimensionsCount(nint tensorInfo, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)_table[GetDimensionsCountIndex])(tensorInfo, count);

    public nint GetDimensions(nint tensorInfo, long* dims, nuint count) =>
        ((delegate* unmanaged<nint, long*, nuint, nint>)_table[GetDimensionsIndex])(tensorInfo, dims, count);

    public nint GetSymbolicDimensions(nint tensorInfo, byte** names, nuint count) =>
        ((delegate* unmanaged<nint, byte**, nuint, nint>)_table[GetSymbolicDimensionsIndex])(tensorInfo, names, count);

    public nint CreateCpuMemoryInfo(int allocatorType, int memType, nint* memoryInfo) =>
        ((delegate* unmanaged<int, int, nint*, nint>)_table[CreateCpuMemoryInfoIndex])(allocatorType, memType, memoryInfo);

    public nint GetAllocatorWithDefaultOptions(nint* allocator) =>
        ((delegate* unmanaged<nint*, nint>)_table[GetAllocatorWithDefaultOptionsIndex])(allocator);

    public void ReleaseEnv(nint env) => ((delegate* unmanaged<nint, void>)_table[ReleaseEnvIndex])(env);

    public void ReleaseStatus(nint status) => ((delegate* unmanaged<nint, void>)_table[ReleaseStatusIndex])(status);

    public void ReleaseMemoryInfo(nint info) => ((delegate* unmanaged<nint, void>)_table[ReleaseMemoryInfoIndex])(info);

    public void ReleaseSession(nint session) => ((delegate* unmanaged<nint, void>)_table[ReleaseSessionIndex])(session);

    public void ReleaseValue(nint value) => ((delegate* unmanaged<nint, void>)_table[ReleaseValueIndex])(value);

    public void ReleaseTypeInfo(nint typeInfo) => ((delegate* unmanaged<nint, void>)_table[ReleaseTypeInfoIndex])(typeInfo);

    public void ReleaseSessionOptions(nint options) =>
        ((delegate* unmanaged<nint, void>)_table[ReleaseSessionOptionsIndex])(options);

    /// <summary>Frees a string the default allocator returned: OrtAllocator is { uint32 version; Alloc; Free; Info }.</summary>
    public static void AllocatorFree(nint allocator, void* pointer)
    {
        var free = (delegate* unmanaged<nint, void*, void>)((nint*)allocator)[2];
        free(allocator, pointer);
    }

    /// <summary>Reads and releases a status; null when the call succeeded.</summary>
    public (int Code, string Message)? TakeStatus(nint status)
    {
        if (status == 0)
        {
            return null;
        }

        int code = GetErrorCode(status);
        string message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? string.Empty;
        ReleaseStatus(status);
        return (code, message);
    }
}
