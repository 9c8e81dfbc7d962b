using System.Runtime.InteropServices;

namespace Captions.Native.OnnxRuntime;

/// <summary>Owns one ORT object and releases it with the matching OrtApi Release function.</summary>
internal sealed class OrtHandle : SafeHandle
{
    public OrtHandle(nint handle, OrtHandleKind kind)
        : base(0, ownsHandle: true)
    {
        Kind = kind;
        SetHandle(handle);
    }

    public OrtHandleKind Kind { get; }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        OrtApi api = OnnxRuntimeLibrary.Api;
        switch (Kind)
        {
            case OrtHandleKind.Env:
                api.ReleaseEnv(handle);
                break;
            case OrtHandleKind.Session:
                api.ReleaseSession(handle);
                break;
            case OrtHandleKind.SessionOptions:
                api.ReleaseSessionOptions(handle);
                break;
            case OrtHandleKind.Value:
                api.ReleaseValue(handle);
                break;
            case OrtHandleKind.MemoryInfo:
                api.ReleaseMemoryInfo(handle);
                break;
            case OrtHandleKind.TypeInfo:
                api.ReleaseTypeInfo(handle);
                break;
            default:
                return false;
        }

        return true;
    }
}
