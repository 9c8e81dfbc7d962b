using System.Runtime.InteropServices;

namespace Captions.Native.Whisper;

// Mirrors of whisper.h 1.9.1 structs that cross the boundary BY VALUE (whisper_init_*_with_params and
// whisper_full_with_state take them by value, so their size must be exact). C bool is a byte here so the structs stay
// blittable. WhisperParamsLayout.Verify checks each mirror against the library's own defaults (read through the
// *_by_ref functions) before first use: a layout drift in another whisper.cpp version fails loudly instead of
// silently corrupting fields.

/// <summary><c>struct whisper_context_params</c> (48 bytes on x64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperContextParams
{
    public byte UseGpu;
    public byte FlashAttention;
    public int GpuDevice;
    public byte DtwTokenTimestamps;
    public int DtwAlignmentHeadsPreset;
    public int DtwTopN;
    public nuint DtwHeadCount;
    public nint DtwHeads;
    public nuint DtwMemorySize;
}

/// <summary><c>struct whisper_full_params</c> (304 bytes on x64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperFullParams
{
    public int Strategy;
    public int Threads;
    public int MaxTextContext;
    public int OffsetMs;
    public int DurationMs;
    public byte Translate;
    public byte NoContext;
    public byte NoTimestamps;
    public byte SingleSegment;
    public byte PrintSpecial;
    public byte PrintProgress;
    public byte PrintRealtime;
    public byte PrintTimestamps;
    public byte TokenTimestamps;
    public float TimestampTokenThreshold;
    public float TimestampTokenSumThreshold;
    public int MaxSegmentLength;
    public byte SplitOnWord;
    public int MaxTokens;
    public byte DebugMode;
    public int AudioContext;
    public byte TinyDiarize;
    public nint SuppressRegex;
    public nint InitialPrompt;
    public byte CarryInitialPrompt;
    public nint PromptTokens;
    public int PromptTokenCount;
    public nint Language;
    public byte DetectLanguage;
    public byte SuppressBlank;
    public byte SuppressNonSpeechTokens;
    public float Temperature;
    public float MaxInitialTimestamp;
    public float LengthPenalty;
    public float TemperatureIncrement;
    public float EntropyThreshold;
    public float LogProbabilityThreshold;
    public float NoSpeechThreshold;
    public int GreedyBestOf;
    public int BeamSize;
    public float BeamPatience;
    public nint NewSegmentCallback;
    public nint NewSegmentCallbackUserData;
    public nint ProgressCallback;
    public nint ProgressCallbackUserData;
    public nint EncoderBeginCallback;
    public nint EncoderBeginCallbackUserData;
    public nint AbortCallback;
    public nint AbortCallbackUserData;
    public nint LogitsFilterCallback;
    public nint LogitsFilterCallbackUserData;
    public nint GrammarRules;
    public nuint GrammarRuleCount;
    public nuint GrammarStartRule;
    public float GrammarPenalty;
    public byte Vad;
    public nint VadModelPath;
    public float VadThreshold;
    public int VadMinSpeechDurationMs;
    public int VadMinSilenceDurationMs;
    public float VadMaxSpeechDurationSeconds;
    public int VadSpeechPadMs;
    public float VadSamplesOverlap;
}

/// <summary><c>whisper_token_data</c> (56 bytes on x64); t0/t1 in centiseconds.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperTokenData
{
    public int Id;
    public int TimestampId;
    public float Probability;
    public float LogProbability;
    public float TimestampProbability;
    public float TimestampProbabilitySum;
    public long Start;
    public long End;
    public long DtwTime;
    public float VoiceLength;
}
