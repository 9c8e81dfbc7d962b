using Microsoft.Extensions.Logging;

namespace Captions.Native.Whisper;

/// <summary>How <see cref="WhisperFactory.FromPath"/> loads the library and the model.</summary>
public sealed class WhisperFactoryOptions
{
    /// <summary>
    /// Directory holding libwhisper.so (CaptionsPaths.WhisperLibraryDirectory). Null: the library must already be
    /// loaded through <see cref="WhisperLibrary.TryLoad"/>.
    /// </summary>
    public string? LibraryDirectory { get; init; }

    /// <summary>Receives whisper.cpp's log (process-wide: the last factory given a logger wins). Null: quiet.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Flash attention in the CPU kernels; null keeps whisper's default (on in 1.9.1, as whisper-cli).</summary>
    public bool? FlashAttention { get; init; }
}
