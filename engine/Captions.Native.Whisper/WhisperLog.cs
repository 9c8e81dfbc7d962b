using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Captions.Native.Ggml;

namespace Captions.Native.Whisper;

/// <summary>whisper.cpp's log (whisper_log_set) through the shared <see cref="GgmlLog"/> bridge.</summary>
internal static unsafe class WhisperLog
{
    public static GgmlLog Bridge { get; } = new("whisper", static () => WhisperNative.LogSet(&OnLog, null));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, void* userData) => Bridge.Receive(level, (nint)text);
}
