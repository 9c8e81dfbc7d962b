using System.Runtime.InteropServices;

namespace Captions.Native.Whisper;

/// <summary>Owns a <c>whisper_context</c> (the loaded model); released with whisper_free.</summary>
internal sealed class WhisperContextHandle : SafeHandle
{
    public WhisperContextHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static WhisperContextHandle FromPointer(nint pointer)
    {
        var result = new WhisperContextHandle();
        result.SetHandle(pointer);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        WhisperNative.Free(handle);
        return true;
    }
}

/// <summary>Owns a <c>whisper_state</c> (KV caches, mel, results of one decoder); released with whisper_free_state.</summary>
internal sealed class WhisperStateHandle : SafeHandle
{
    public WhisperStateHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        WhisperNative.FreeState(handle);
        return true;
    }
}
