using System.Runtime.InteropServices;

namespace Captions.Native.Llama;

/// <summary>Owns a <c>llama_model</c> (weights + vocab); released with llama_model_free.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandle
{
    public SafeLlamaModelHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static SafeLlamaModelHandle FromPointer(nint pointer)
    {
        var result = new SafeLlamaModelHandle();
        result.SetHandle(pointer);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.ModelFree(handle);
        return true;
    }
}

/// <summary>Owns a <c>llama_context</c> (KV cache, compute buffers); released with llama_free.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandle
{
    public SafeLlamaContextHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static SafeLlamaContextHandle FromPointer(nint pointer)
    {
        var result = new SafeLlamaContextHandle();
        result.SetHandle(pointer);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.Free(handle);
        return true;
    }
}

/// <summary>Owns a <c>llama_sampler</c> chain (and the samplers added to it); released with llama_sampler_free.</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandle
{
    public SafeLlamaSamplerHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static SafeLlamaSamplerHandle FromPointer(nint pointer)
    {
        var result = new SafeLlamaSamplerHandle();
        result.SetHandle(pointer);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.SamplerFree(handle);
        return true;
    }
}
