using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Captions.Native.Ggml;

namespace Captions.Native.Llama;

/// <summary>llama.cpp's log (llama_log_set, which ggml shares) through the shared <see cref="GgmlLog"/> bridge.</summary>
internal static unsafe class LlamaLog
{
    public static GgmlLog Bridge { get; } = new("llama", static () => LlamaNative.LogSet(&OnLog, null));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, void* userData) => Bridge.Receive(level, (nint)text);
}
