namespace Captions.TestKit.Models;

/// <summary>
/// Hyper-parameters of a synthetic ggml whisper model (see <see cref="WhisperModelWriter"/>). Encoder and decoder share
/// the state width and head count, as in every released Whisper model.
/// </summary>
/// <param name="State">n_audio_state = n_text_state (tiny 384, base 512).</param>
/// <param name="Heads">Attention heads in encoder and decoder; must divide <paramref name="State"/>.</param>
/// <param name="AudioLayers">Encoder blocks (tiny 4, base 6).</param>
/// <param name="TextLayers">Decoder blocks (tiny 4, base 6).</param>
/// <param name="Float16">ftype 1 (matrices and convolutions f16) or ftype 0 (all f32).</param>
public sealed record WhisperModelDimensions(int State, int Heads, int AudioLayers, int TextLayers, bool Float16)
{
    /// <summary>Multilingual vocabulary size (51864 for the .en models).</summary>
    public const int VocabularySize = 51865;

    /// <summary>Audio context: 1500 positions = 30 s of 10 ms mel frames halved by conv2's stride.</summary>
    public const int AudioContext = 1500;

    /// <summary>Text context of every released Whisper model.</summary>
    public const int TextContext = 448;

    /// <summary>Mel bands of every model before large-v3.</summary>
    public const int MelBands = 80;

    /// <summary>
    /// S=32, 2 heads, 2+2 layers, f16: ~4 MB (the token embedding, 32 x 51865 f16, is 3.3 MB of it). Loads in ~0.05 s
    /// and decodes jfk.wav in well under a second on 2 cores: the model for functional tests.
    /// </summary>
    public static WhisperModelDimensions Tiny4 { get; } = new(32, 2, 2, 2, Float16: true);

    /// <summary>tiny's real dimensions (S=384, 6 heads, 4+4 layers, f16, ~78 MB): tiny's real compute cost.</summary>
    public static WhisperModelDimensions TinyDims { get; } = new(384, 6, 4, 4, Float16: true);

    /// <summary>base's real dimensions (S=512, 8 heads, 6+6 layers, f16, ~148 MB).</summary>
    public static WhisperModelDimensions BaseDims { get; } = new(512, 8, 6, 6, Float16: true);
}
