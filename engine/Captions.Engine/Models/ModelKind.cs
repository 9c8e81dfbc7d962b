namespace Captions.Engine.Models;

/// <summary>What a catalog entry is for.</summary>
public enum ModelKind
{
    /// <summary>A ggml Whisper model for speech recognition.</summary>
    Whisper,

    /// <summary>A Qwen instruct model in GGUF for on-device translation through llama.cpp.</summary>
    QwenGguf,
}
