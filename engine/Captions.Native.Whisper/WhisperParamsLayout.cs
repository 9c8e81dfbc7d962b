using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Captions.Native.Whisper;

/// <summary>
/// Obtains whisper's default parameter structs BY REFERENCE (the library fills them, so no default is hand-copied) and
/// verifies once per process that the C# mirrors line up with the loaded library before any field is written.
/// </summary>
/// <remarks>
/// Why this is robust: whisper_init_*_with_params and whisper_full_with_state take their structs by value, so the
/// mirror must have the C size. The check reads the library's documented defaults through our offsets -- including
/// fields at the very end of each struct (dtw_mem_size = 128 MiB; vad_params = whisper_vad_default_params()) -- so a
/// field added, removed or resized anywhere before them shifts an offset and fails the check with
/// <see cref="WhisperLayoutException"/> naming the field, rather than writing into the wrong place. Sizes: context
/// params 48 bytes, full params 304 bytes, token data 56 bytes (x64 SysV, whisper.cpp 1.9.1).
/// Threading model: thread-safe; the verification runs once under a lock.
/// </remarks>
internal static unsafe class WhisperParamsLayout
{
    internal const int ContextParamsSize = 48;
    internal const int FullParamsSize = 304;
    internal const int TokenDataSize = 56;

    private static readonly Lock s_gate = new();
    private static bool s_verified;

    public static WhisperContextParams ContextDefaults()
    {
        EnsureVerified();
        WhisperContextParams* pointer = WhisperNative.ContextDefaultParamsByRef();
        try
        {
            return *pointer;
        }
        finally
        {
            WhisperNative.FreeContextParams(pointer);
        }
    }

    public static WhisperFullParams FullDefaults(int strategy)
    {
        EnsureVerified();
        WhisperFullParams* pointer = WhisperNative.FullDefaultParamsByRef(strategy);
        try
        {
            return *pointer;
        }
        finally
        {
            WhisperNative.FreeParams(pointer);
        }
    }

    public static void EnsureVerified()
    {
        lock (s_gate)
        {
            if (s_verified)
            {
                return;
            }

            Check(Unsafe.SizeOf<WhisperContextParams>() == ContextParamsSize, "sizeof(whisper_context_params)");
            Check(Unsafe.SizeOf<WhisperFullParams>() == FullParamsSize, "sizeof(whisper_full_params)");
            Check(Unsafe.SizeOf<WhisperTokenData>() == TokenDataSize, "sizeof(whisper_token_data)");
            VerifyContextDefaults();
            VerifyFullDefaults();
            s_verified = true;
        }
    }

    private static void VerifyContextDefaults()
    {
        WhisperContextParams* pointer = WhisperNative.ContextDefaultParamsByRef();
        try
        {
            WhisperContextParams p = *pointer;
            Check(p.UseGpu == 1, "whisper_context_params.use_gpu (default true)");
            Check(p.GpuDevice == 0, "whisper_context_params.gpu_device (default 0)");
            Check(p.DtwTokenTimestamps == 0, "whisper_context_params.dtw_token_timestamps (default false)");
            Check(p.DtwTopN == -1, "whisper_context_params.dtw_n_top (default -1)");
            Check(p.DtwHeadCount == 0 && p.DtwHeads == 0, "whisper_context_params.dtw_aheads (default {0, NULL})");
            Check(p.DtwMemorySize == 128 * 1024 * 1024, "whisper_context_params.dtw_mem_size (default 128 MiB)");
        }
        finally
        {
            WhisperNative.FreeContextParams(pointer);
        }
    }

    private static void VerifyFullDefaults()
    {
        WhisperFullParams* pointer = WhisperNative.FullDefaultParamsByRef(0);
        try
        {
            WhisperFullParams p = *pointer;
            Check(p.Strategy == 0, "whisper_full_params.strategy (requested greedy)");
            Check(p.Threads is >= 1 and <= 4, "whisper_full_params.n_threads (default min(4, hardware threads))");
            Check(p.MaxTextContext == 16384, "whisper_full_params.n_max_text_ctx (default 16384)");
            Check(p.NoContext == 1 && p.PrintProgress == 1 && p.PrintTimestamps == 1, "whisper_full_params bool block");
            Check(p.TimestampTokenThreshold == 0.01f, "whisper_full_params.thold_pt (default 0.01)");
            Check(p.Language != 0 && Marshal.PtrToStringUTF8(p.Language) == "en", "whisper_full_params.language (default \"en\")");
            Check(p.SuppressBlank == 1, "whisper_full_params.suppress_blank (default true)");
            Check(p.Temperature == 0f && p.MaxInitialTimestamp == 1f && p.LengthPenalty == -1f, "whisper_full_params.temperature block");
            Check(p.TemperatureIncrement == 0.2f && p.EntropyThreshold == 2.4f, "whisper_full_params.temperature_inc/entropy_thold");
            Check(p.LogProbabilityThreshold == -1f && p.NoSpeechThreshold == 0.6f, "whisper_full_params.logprob_thold/no_speech_thold");
            Check(p.GreedyBestOf == 5 && p.BeamSize == -1, "whisper_full_params.greedy/beam_search");
            Check(p.AbortCallback == 0 && p.LogitsFilterCallback == 0, "whisper_full_params callbacks (default NULL)");
            Check(p.GrammarPenalty == 100f, "whisper_full_params.grammar_penalty (default 100)");
            WhisperNative.VadParams vad = WhisperNative.VadDefaultParams();
            Check(
                p.VadThreshold == vad.Threshold && p.VadMinSpeechDurationMs == vad.MinSpeechDurationMs
                    && p.VadSpeechPadMs == vad.SpeechPadMs && p.VadSamplesOverlap == vad.SamplesOverlap
                    && p.VadMinSpeechDurationMs == 250,
                "whisper_full_params.vad_params (the struct's last field)");
        }
        finally
        {
            WhisperNative.FreeParams(pointer);
        }
    }

    private static void Check(bool condition, string field)
    {
        if (!condition)
        {
            throw new WhisperLayoutException(
                $"the loaded libwhisper ({WhisperLibrary.LoadedPath}) disagrees with this binding's layout at {field}: "
                + "this binding mirrors whisper.cpp 1.9.1; rebuild with ./scripts/bootstrap.sh");
        }
    }
}
