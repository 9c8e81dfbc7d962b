using System.Diagnostics.CodeAnalysis;
using Captions.Engine.Hosting;
using Captions.Engine.Vad;
using Captions.Native.OnnxRuntime;
using Microsoft.Extensions.Logging;

namespace Captions.Vad.Silero;

/// <summary>
/// Picks the voice activity detector: Silero when ONNX Runtime and the model are present and load, otherwise
/// the energy detector with a one-line reason the CLI prints.
/// </summary>
public static class SileroVadFactory
{
    /// <summary>Silero from the bootstrap's locations, or the energy VAD with the reason.</summary>
    public static IVoiceActivityDetector CreateOrFallback(
        CaptionsPaths paths, [NotNullWhen(false)] out string? fallbackReason, ILogger? logger = null, EnergyVadOptions? energyOptions = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return CreateOrFallback(paths.OnnxRuntimeLibraryPath, paths.SileroModelPath, out fallbackReason, logger, energyOptions);
    }

    /// <summary>
    /// Silero on <paramref name="modelPath"/>; if the library or the model is missing or broken, an
    /// <see cref="EnergyVoiceActivityDetector"/> and <paramref name="fallbackReason"/> saying why
    /// (e.g. "silero VAD unavailable, using energy VAD: ... does not exist: run ./scripts/bootstrap.sh").
    /// </summary>
    /// <returns>The detector; the caller owns it (dispose it when it is <see cref="IDisposable"/>).</returns>
    public static IVoiceActivityDetector CreateOrFallback(
        string onnxRuntimeLibraryPath,
        string modelPath,
        [NotNullWhen(false)] out string? fallbackReason,
        ILogger? logger = null,
        EnergyVadOptions? energyOptions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(onnxRuntimeLibraryPath);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        string? reason;
        try
        {
            if (!OnnxRuntimeLibrary.TryLoad(onnxRuntimeLibraryPath, out _, out reason))
            {
                return Fallback(reason, out fallbackReason, energyOptions);
            }

            var detector = SileroVoiceActivityDetector.Open(onnxRuntimeLibraryPath, modelPath, logger);
            fallbackReason = null;
            return detector;
        }
        catch (Exception ex) when (ex is SileroModelException or OnnxRuntimeException)
        {
            return Fallback(ex.Message, out fallbackReason, energyOptions);
        }
    }

    private static EnergyVoiceActivityDetector Fallback(string reason, out string fallbackReason, EnergyVadOptions? options)
    {
        // One line: ORT messages can span several.
        fallbackReason = "silero VAD unavailable, using energy VAD: " + reason.ReplaceLineEndings(" ");
        return options is null ? new EnergyVoiceActivityDetector() : new EnergyVoiceActivityDetector(options);
    }
}
