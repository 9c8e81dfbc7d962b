using System.Buffers.Binary;
using System.Text;

namespace Captions.TestKit.Models;

/// <summary>
/// Writes a random-weight qwen2 GGUF v3 file carrying a real tokenizer and chat template: every tokenizer.* key of
/// a vocab GGUF (llama.cpp's models/ggml-vocab-qwen2.gguf, CaptionsPaths.LlamaQwen2VocabPath) is copied byte for
/// byte, so llama.cpp loads, templates, tokenises and generates exactly as with the real model, with noise weights.
/// </summary>
/// <remarks>
/// Layout (NATIVE.md, ggml/include/gguf.h): "GGUF", u32 3, u64 tensors, u64 key/values; key/values; tensor infos
/// (name, u32 dims, u64 ne[], u32 type, u64 offset into the data section); the data section aligned to 32 and every
/// tensor's offset a multiple of 32. ne[0] is the input width of a matrix (the row length in memory).
/// </remarks>
public static class GgufWriter
{
    private const int Alignment = 32;
    private const int BlockSize = 32;

    /// <summary>Writes the model to <paramref name="path"/> and returns its size in bytes.</summary>
    /// <param name="path">Output file (overwritten).</param>
    /// <param name="vocabPath">GGUF whose tokenizer.* key/values are copied.</param>
    /// <param name="options">Dimensions and encoding.</param>
    public static long WriteQwen2(string path, string vocabPath, GgufWriterOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        GgufMetadata vocab = GgufReader.Read(vocabPath);
        GgufKeyValue tokens = vocab.Find("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException($"'{vocabPath}' has no tokenizer.ggml.tokens");
        int vocabSize = checked((int)tokens.ArrayLength);
        List<GgufKeyValue> tokenizer = [.. vocab.KeyValues.Where(entry => entry.Key.StartsWith("tokenizer.", StringComparison.Ordinal))];

        List<TensorSpec> tensors = Plan(options, vocabSize);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write("GGUF"u8);
        writer.Write(3u);
        writer.Write((ulong)tensors.Count);
        writer.Write((ulong)(13 + tokenizer.Count));

        WriteString(writer, "general.architecture", "qwen2");
        WriteString(writer, "general.name", $"synthetic-qwen2-e{options.EmbeddingLength}-l{options.BlockCount}");
        WriteUInt32(writer, "general.alignment", Alignment);
        WriteUInt32(writer, "general.file_type", options.WeightType switch
        {
            GgmlType.F32 => 0u,
            GgmlType.F16 => 1u,
            GgmlType.Q4Zero => 2u,
            _ => 7u, // LLAMA_FTYPE_MOSTLY_Q8_0
        });
        WriteUInt32(writer, "qwen2.block_count", (uint)options.BlockCount);
        WriteUInt32(writer, "qwen2.context_length", (uint)options.ContextLength);
        WriteUInt32(writer, "qwen2.embedding_length", (uint)options.EmbeddingLength);
        WriteUInt32(writer, "qwen2.feed_forward_length", (uint)options.FeedForwardLength);
        WriteUInt32(writer, "qwen2.attention.head_count", (uint)options.HeadCount);
        WriteUInt32(writer, "qwen2.attention.head_count_kv", (uint)options.HeadCountKv);
        WriteFloat(writer, "qwen2.rope.freq_base", options.RopeFreqBase);
        WriteFloat(writer, "qwen2.attention.layer_norm_rms_epsilon", options.RmsEpsilon);
        WriteUInt32(writer, "qwen2.vocab_size", (uint)vocabSize);
        foreach (GgufKeyValue entry in tokenizer)
        {
            WriteKey(writer, entry.Key, entry.Type);
            writer.Write(entry.RawValue.Span);
        }

        ulong offset = 0;
        foreach (TensorSpec tensor in tensors)
        {
            WriteKeyString(writer, tensor.Name);
            writer.Write((uint)tensor.Shape.Length);
            foreach (long extent in tensor.Shape)
            {
                writer.Write((ulong)extent);
            }

            writer.Write((uint)tensor.Type);
            writer.Write(offset);
            offset += (ulong)Align(tensor.ByteCount);
        }

        Pad(writer);
        var random = new Random(options.Seed);
        foreach (TensorSpec tensor in tensors)
        {
            WriteData(writer, tensor, random);
            Pad(writer);
        }

        writer.Flush();
        return stream.Length;
    }

    private static List<TensorSpec> Plan(GgufWriterOptions o, int vocabSize)
    {
        int e = o.EmbeddingLength;
        int kv = e / o.HeadCount * o.HeadCountKv;
        int f = o.FeedForwardLength;
        GgmlType w = o.WeightType;
        var list = new List<TensorSpec>
        {
            // The embedding's rows are looked up, not multiplied: any scale works, RMSNorm follows.
            new("token_embd.weight", w, 0.5f, 0f, [e, vocabSize]),
            new("output_norm.weight", GgmlType.F32, 0.05f, 1f, [e]),
        };
        if (o.SeparateOutput)
        {
            list.Add(new("output.weight", w, 1f / MathF.Sqrt(e), 0f, [e, vocabSize]));
        }

        for (int i = 0; i < o.BlockCount; i++)
        {
            string b = $"blk.{i}.";
            list.Add(new(b + "attn_norm.weight", GgmlType.F32, 0.05f, 1f, [e]));
            list.Add(new(b + "attn_q.weight", w, 1f / MathF.Sqrt(e), 0f, [e, e]));
            list.Add(new(b + "attn_q.bias", GgmlType.F32, 0.02f, 0f, [e]));
            list.Add(new(b + "attn_k.weight", w, 1f / MathF.Sqrt(e), 0f, [e, kv]));
            list.Add(new(b + "attn_k.bias", GgmlType.F32, 0.02f, 0f, [kv]));
            list.Add(new(b + "attn_v.weight", w, 1f / MathF.Sqrt(e), 0f, [e, kv]));
            list.Add(new(b + "attn_v.bias", GgmlType.F32, 0.02f, 0f, [kv]));
            list.Add(new(b + "attn_output.weight", w, 1f / MathF.Sqrt(e), 0f, [e, e]));
            list.Add(new(b + "ffn_norm.weight", GgmlType.F32, 0.05f, 1f, [e]));
            list.Add(new(b + "ffn_gate.weight", w, 1f / MathF.Sqrt(e), 0f, [e, f]));
            list.Add(new(b + "ffn_up.weight", w, 1f / MathF.Sqrt(e), 0f, [e, f]));
            list.Add(new(b + "ffn_down.weight", w, 1f / MathF.Sqrt(f), 0f, [f, e]));
        }

        return list;
    }

    private static void WriteData(BinaryWriter writer, TensorSpec tensor, Random random)
    {
        long count = tensor.ElementCount;
        switch (tensor.Type)
        {
            case GgmlType.F32:
                for (long i = 0; i < count; i++)
                {
                    writer.Write(tensor.Offset + (tensor.Scale * ((2f * random.NextSingle()) - 1f)));
                }

                break;
            case GgmlType.F16:
                for (long i = 0; i < count; i++)
                {
                    writer.Write((Half)(tensor.Offset + (tensor.Scale * ((2f * random.NextSingle()) - 1f))));
                }

                break;
            default:
                WriteBlocks(writer, tensor, random);
                break;
        }
    }

    // Quantised blocks straight from random bytes: the quants are uniform, so the scale d sets the weights' range
    // (Q4_0: (q - 8) * d, q in 0..15; Q8_0: q * d, q in -128..127). Rows are written in chunks of 64 KiB blocks
    // so the 0.5B model (~630 M weights) takes seconds, not a per-weight loop.
    private static void WriteBlocks(BinaryWriter writer, TensorSpec tensor, Random random)
    {
        bool q4 = tensor.Type == GgmlType.Q4Zero;
        int blockBytes = q4 ? 18 : 34;
        var scale = (Half)(tensor.Scale / (q4 ? 8f : 127f));
        long blocks = tensor.ElementCount / BlockSize;
        const int ChunkBlocks = 4096;
        var chunk = new byte[ChunkBlocks * blockBytes];
        while (blocks > 0)
        {
            int n = (int)Math.Min(blocks, ChunkBlocks);
            Span<byte> span = chunk.AsSpan(0, n * blockBytes);
            random.NextBytes(span);
            for (int i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteHalfLittleEndian(span.Slice(i * blockBytes, 2), scale);
            }

            writer.Write(span);
            blocks -= n;
        }
    }

    private static long Align(long value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter writer)
    {
        long position = writer.BaseStream.Position;
        for (long i = position; i < Align(position); i++)
        {
            writer.Write((byte)0);
        }
    }

    private static void WriteKeyString(BinaryWriter writer, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteKey(BinaryWriter writer, string key, GgufValueType type)
    {
        WriteKeyString(writer, key);
        writer.Write((uint)type);
    }

    private static void WriteString(BinaryWriter writer, string key, string value)
    {
        WriteKey(writer, key, GgufValueType.String);
        WriteKeyString(writer, value);
    }

    private static void WriteUInt32(BinaryWriter writer, string key, uint value)
    {
        WriteKey(writer, key, GgufValueType.UInt32);
        writer.Write(value);
    }

    private static void WriteFloat(BinaryWriter writer, string key, float value)
    {
        WriteKey(writer, key, GgufValueType.Float32);
        writer.Write(value);
    }

    private sealed record TensorSpec(string Name, GgmlType Type, float Scale, float Offset, long[] Shape)
    {
        public long ElementCount => Shape.Aggregate(1L, (product, extent) => product * extent);

        public long ByteCount => Type switch
        {
            GgmlType.F32 => ElementCount * 4,
            GgmlType.F16 => ElementCount * 2,
            GgmlType.Q4Zero => ElementCount / BlockSize * 18,
            _ => ElementCount / BlockSize * 34,
        };
    }
}
