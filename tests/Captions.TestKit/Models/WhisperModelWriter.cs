using System.Text;

namespace Captions.TestKit.Models;

/// <summary>
/// Writes random-weight whisper models in whisper.cpp's ggml file format (the format whisper.cpp 1.9.1 loads; no
/// registry ships real weights). Decoding with one exercises the real compute graph, timestamps and token plumbing; the
/// text is deterministic junk drawn from a printable synthetic vocabulary.
/// </summary>
/// <remarks>
/// Layout: uint32 magic 0x67676d6c; int32 x11 hyper-parameters; mel filters (int32 n_mel, int32 n_fft, floats);
/// vocabulary (int32 n, then uint32 length + bytes each); then tensors until EOF (int32 n_dims, int32 name length,
/// int32 type, int32 ne[n_dims] innermost first, name, raw data, no padding). whisper.cpp fills ids past the written
/// vocabulary itself ("[_EOT_]", "[_SOT_]", "[_TT_n]", ...), so only the 50257 text tokens are written.
/// </remarks>
public static class WhisperModelWriter
{
    /// <summary>GGML_FILE_MAGIC, "ggml" read as a little-endian uint32.</summary>
    public const uint Magic = 0x67676d6c;

    /// <summary>Text tokens of the multilingual vocabulary (ids 0..50256); the specials follow.</summary>
    public const int TextTokenCount = 50257;

    private const int FftBins = 201; // n_fft / 2 + 1 for whisper's 400-sample window

    private static readonly string[] s_syllables =
    [
        "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "ba", "vo", "fi", "gu", "ha", "je", "ku",
        "la", "mo", "nu", "pe", "ro", "sa", "ti", "ve", "wa", "yo", "ze", "chi", "sho", "an", "en", "or",
    ];

    /// <summary>Writes a model with <paramref name="dimensions"/> and weights drawn from <paramref name="seed"/>.</summary>
    public static void Write(string path, WhisperModelDimensions dimensions, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: false);
        WriteHeader(writer, dimensions, Magic);
        WriteTensors(writer, dimensions, new Random(seed), wrongShapeTensor: null);
    }

    /// <summary>Writes <paramref name="dimensions"/> to a new temporary file and returns its path (caller deletes).</summary>
    public static string WriteTemporary(WhisperModelDimensions dimensions, int seed = 1)
    {
        string path = Path.Combine(Path.GetTempPath(), $"captions-whisper-{dimensions.State}-{Guid.NewGuid():N}.bin");
        Write(path, dimensions, seed);
        return path;
    }

    /// <summary>A valid model cut to <paramref name="fraction"/> of its length: whisper reports missing tensors.</summary>
    public static void WriteTruncated(string path, WhisperModelDimensions dimensions, double fraction = 0.5)
    {
        Write(path, dimensions);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength((long)(stream.Length * fraction));
    }

    /// <summary>A valid model whose first four bytes are not "ggml": whisper logs "invalid model data (bad magic)".</summary>
    public static void WriteBadMagic(string path, WhisperModelDimensions dimensions)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var writer = new BinaryWriter(stream);
        WriteHeader(writer, dimensions, 0x46554747); // "GGUF": a real format, just not this one
        WriteTensors(writer, dimensions, new Random(1), wrongShapeTensor: null);
    }

    /// <summary>A model whose encoder.conv1.bias has a wrong shape: whisper logs "has wrong size/shape".</summary>
    public static void WriteWrongShape(string path, WhisperModelDimensions dimensions)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var writer = new BinaryWriter(stream);
        WriteHeader(writer, dimensions, Magic);
        WriteTensors(writer, dimensions, new Random(1), wrongShapeTensor: "encoder.conv1.bias");
    }

    /// <summary>The string the synthetic vocabulary gives token <paramref name="id"/> (text ids only).</summary>
    public static string TokenText(int id)
    {
        // 0..93: printable ASCII, 94..119: " a".." z" -- so whisper_tokenize can spell any ASCII prompt; 120: " ";
        // then syllable words (" kalo", " mine", ...) so decoded junk is printable.
        if (id < 94)
        {
            return ((char)('!' + id)).ToString();
        }

        if (id < 120)
        {
            return " " + (char)('a' + (id - 94));
        }

        if (id == 120)
        {
            return " "; // suppress_blank looks " " up with map::at: whisper.cpp aborts the process without it
        }

        int n = id - 121;
        int count = s_syllables.Length;
        var word = new StringBuilder(" ");
        word.Append(s_syllables[n % count]).Append(s_syllables[n / count % count]);
        if (n >= count * count)
        {
            word.Append(s_syllables[n / (count * count) % count]);
        }

        return word.ToString();
    }

    private static void WriteHeader(BinaryWriter writer, WhisperModelDimensions d, uint magic)
    {
        writer.Write(magic);
        int[] hparams =
        [
            WhisperModelDimensions.VocabularySize, WhisperModelDimensions.AudioContext, d.State, d.Heads, d.AudioLayers,
            WhisperModelDimensions.TextContext, d.State, d.Heads, d.TextLayers, WhisperModelDimensions.MelBands,
            d.Float16 ? 1 : 0,
        ];
        foreach (int value in hparams)
        {
            writer.Write(value);
        }

        WriteMelFilters(writer);

        writer.Write(TextTokenCount);
        for (int id = 0; id < TextTokenCount; id++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(TokenText(id));
            writer.Write((uint)bytes.Length);
            writer.Write(bytes);
        }
    }

    // Triangular filters evenly spaced on the mel scale between 0 and 8 kHz, like librosa's (unnormalized): the
    // encoder then sees a spectrogram with the audio's real shape rather than noise.
    private static void WriteMelFilters(BinaryWriter writer)
    {
        int mels = WhisperModelDimensions.MelBands;
        writer.Write(mels);
        writer.Write(FftBins);
        static double ToMel(double hz) => 2595 * Math.Log10(1 + (hz / 700));
        static double ToHz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        double maxMel = ToMel(8000);
        for (int m = 0; m < mels; m++)
        {
            double lo = ToHz(maxMel * m / (mels + 1));
            double centre = ToHz(maxMel * (m + 1) / (mels + 1));
            double hi = ToHz(maxMel * (m + 2) / (mels + 1));
            for (int bin = 0; bin < FftBins; bin++)
            {
                double hz = bin * 8000.0 / (FftBins - 1);
                double weight = hz <= lo || hz >= hi ? 0 : hz <= centre ? (hz - lo) / (centre - lo) : (hi - hz) / (hi - centre);
                writer.Write((float)weight);
            }
        }
    }

    private static void WriteTensors(BinaryWriter writer, WhisperModelDimensions d, Random random, string? wrongShapeTensor)
    {
        var tensors = new SyntheticTensorWriter(writer, random, d.Float16, wrongShapeTensor);
        int s = d.State;
        tensors.Vector("encoder.positional_embedding", 0.02f, s, WhisperModelDimensions.AudioContext);
        tensors.Convolution("encoder.conv1.weight", 3, WhisperModelDimensions.MelBands, s);
        tensors.Bias("encoder.conv1.bias", 1, s);
        tensors.Convolution("encoder.conv2.weight", 3, s, s);
        tensors.Bias("encoder.conv2.bias", 1, s);
        tensors.Norm("encoder.ln_post", s);
        for (int layer = 0; layer < d.AudioLayers; layer++)
        {
            WriteBlock(tensors, $"encoder.blocks.{layer}.", s, cross: false);
        }

        tensors.Vector("decoder.positional_embedding", 0.02f, s, WhisperModelDimensions.TextContext);
        tensors.Matrix("decoder.token_embedding.weight", s, WhisperModelDimensions.VocabularySize);
        tensors.Norm("decoder.ln", s);
        for (int layer = 0; layer < d.TextLayers; layer++)
        {
            WriteBlock(tensors, $"decoder.blocks.{layer}.", s, cross: true);
        }
    }

    private static void WriteBlock(SyntheticTensorWriter tensors, string prefix, int s, bool cross)
    {
        tensors.Norm(prefix + "mlp_ln", s);
        tensors.Matrix(prefix + "mlp.0.weight", s, 4 * s);
        tensors.Bias(prefix + "mlp.0.bias", 4 * s);
        tensors.Matrix(prefix + "mlp.2.weight", 4 * s, s);
        tensors.Bias(prefix + "mlp.2.bias", s);
        WriteAttention(tensors, prefix + "attn", s);
        if (cross)
        {
            WriteAttention(tensors, prefix + "cross_attn", s);
        }
    }

    private static void WriteAttention(SyntheticTensorWriter tensors, string prefix, int s)
    {
        tensors.Norm(prefix + "_ln", s);
        tensors.Matrix(prefix + ".query.weight", s, s);
        tensors.Bias(prefix + ".query.bias", s);
        tensors.Matrix(prefix + ".key.weight", s, s); // whisper's key projection has no bias
        tensors.Matrix(prefix + ".value.weight", s, s);
        tensors.Bias(prefix + ".value.bias", s);
        tensors.Matrix(prefix + ".out.weight", s, s);
        tensors.Bias(prefix + ".out.bias", s);
    }
}
