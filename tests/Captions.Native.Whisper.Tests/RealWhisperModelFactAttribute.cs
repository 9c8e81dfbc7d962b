namespace Captions.Native.Whisper.Tests;

/// <summary>
/// A fact that runs only when CAPTIONS_WHISPER_MODEL names a real ggml whisper model; otherwise xunit reports it as
/// SKIPPED with the reason (no registry here ships whisper weights, so CI cannot have one by default).
/// </summary>
public sealed class RealWhisperModelFactAttribute : FactAttribute
{
    public const string VariableName = "CAPTIONS_WHISPER_MODEL";

    public RealWhisperModelFactAttribute()
    {
        string? path = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrEmpty(path))
        {
            Skip = $"{VariableName} is not set: point it at a real ggml whisper model (e.g. ggml-tiny.en.bin) to run this test";
        }
        else if (!File.Exists(path))
        {
            Skip = $"{VariableName}='{path}' does not exist";
        }
    }

    public static string ModelPath => Environment.GetEnvironmentVariable(VariableName)!;
}
