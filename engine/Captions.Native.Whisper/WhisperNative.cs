using System.Runtime.InteropServices;

namespace Captions.Native.Whisper;

/// <summary>
/// whisper.h entry points (whisper.cpp 1.9.1). Resolved through <see cref="WhisperLibrary"/>'s DllImportResolver,
/// so call these only after <see cref="WhisperLibrary.TryLoad"/> succeeded.
/// </summary>
internal static unsafe partial class WhisperNative
{
    /// <summary><c>const char * whisper_version(void)</c>: a static string such as "1.9.1"; never freed.</summary>
    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_version")]
    internal static partial nint WhisperVersion();

    /// <summary>
    /// <c>const char * whisper_print_system_info(void)</c>: the compiled-in CPU features ("AVX2 = 1 | ...").
    /// Returns a pointer into a static std::string that the next call rewrites: not thread-safe, never freed.
    /// </summary>
    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_print_system_info")]
    internal static partial nint WhisperPrintSystemInfo();

    // Allocated with new; free with whisper_free_context_params / whisper_free_params.
    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_context_default_params_by_ref")]
    internal static partial WhisperContextParams* ContextDefaultParamsByRef();

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_free_context_params")]
    internal static partial void FreeContextParams(WhisperContextParams* parameters);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_default_params_by_ref")]
    internal static partial WhisperFullParams* FullDefaultParamsByRef(int strategy);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_free_params")]
    internal static partial void FreeParams(WhisperFullParams* parameters);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_vad_default_params")]
    internal static partial VadParams VadDefaultParams();

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_init_from_file_with_params_no_state", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint InitFromFileNoState(string path, WhisperContextParams parameters);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_init_state")]
    internal static partial nint InitState(WhisperContextHandle context);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_free")]
    internal static partial void Free(nint context);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_free_state")]
    internal static partial void FreeState(nint state);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_with_state")]
    internal static partial int FullWithState(WhisperContextHandle context, WhisperStateHandle state, WhisperFullParams parameters, float* samples, int sampleCount);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_n_segments_from_state")]
    internal static partial int SegmentCount(WhisperStateHandle state);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_lang_id_from_state")]
    internal static partial int LanguageId(WhisperStateHandle state);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_lang_str")]
    internal static partial nint LanguageString(int id);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_lang_id", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LanguageIdOf(string language);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_get_segment_t0_from_state")]
    internal static partial long SegmentStart(WhisperStateHandle state, int segment);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_get_segment_t1_from_state")]
    internal static partial long SegmentEnd(WhisperStateHandle state, int segment);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_get_segment_text_from_state")]
    internal static partial nint SegmentText(WhisperStateHandle state, int segment);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_get_segment_no_speech_prob_from_state")]
    internal static partial float SegmentNoSpeechProbability(WhisperStateHandle state, int segment);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_n_tokens_from_state")]
    internal static partial int TokenCount(WhisperStateHandle state, int segment);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_get_token_text_from_state")]
    internal static partial nint TokenText(WhisperContextHandle context, WhisperStateHandle state, int segment, int token);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_full_get_token_data_from_state")]
    internal static partial WhisperTokenData TokenData(WhisperStateHandle state, int segment, int token);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_token_eot")]
    internal static partial int TokenEndOfText(WhisperContextHandle context);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_is_multilingual")]
    internal static partial int IsMultilingual(WhisperContextHandle context);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_model_n_audio_ctx")]
    internal static partial int ModelAudioContext(WhisperContextHandle context);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_model_n_audio_state")]
    internal static partial int ModelAudioState(WhisperContextHandle context);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_model_n_audio_layer")]
    internal static partial int ModelAudioLayers(WhisperContextHandle context);

    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_model_n_vocab")]
    internal static partial int ModelVocabulary(WhisperContextHandle context);

    /// <summary><c>void whisper_log_set(ggml_log_callback, void * user_data)</c>: process-wide.</summary>
    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_log_set")]
    internal static partial void LogSet(delegate* unmanaged[Cdecl]<int, byte*, void*, void> callback, void* userData);

    /// <summary><c>whisper_vad_params</c>, returned by value.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct VadParams
    {
        public float Threshold;
        public int MinSpeechDurationMs;
        public int MinSilenceDurationMs;
        public float MaxSpeechDurationSeconds;
        public int SpeechPadMs;
        public float SamplesOverlap;
    }
}
