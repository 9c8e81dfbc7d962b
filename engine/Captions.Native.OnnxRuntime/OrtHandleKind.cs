namespace Captions.Native.OnnxRuntime;

/// <summary>Which OrtApi Release function frees an <see cref="OrtHandle"/>.</summary>
internal enum OrtHandleKind
{
    Env,
    Session,
    SessionOptions,
    Value,
    MemoryInfo,
    TypeInfo,
}
