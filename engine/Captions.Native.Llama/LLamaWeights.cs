using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Captions.Native.Ggml;

namespace Captions.Native.Llama;

/// <summary>
/// A loaded GGUF model: weights, vocabulary and chat template. Shaped like LLamaSharp's LLamaWeights, so moving to
/// it stays mechanical: <c>LLamaWeights.LoadFromFile(params)</c>, <c>weights.CreateContext(params)</c>.
/// </summary>
/// <remarks>
/// Threading model: tokenising, detokenising and templating only read the vocabulary and may run on any thread,
/// concurrently. Each context created from the weights holds a reference to the model: disposing the weights
/// first frees the model when the last context is disposed.
/// </remarks>
public sealed unsafe class LLamaWeights : IDisposable
{
    // "GGUF" little-endian at offset 0, then a u32 version: anything shorter cannot be a GGUF file.
    private const int GgufHeaderBytes = 8;
    private static readonly byte[] s_ggufMagic = "GGUF"u8.ToArray();

    private readonly SafeLlamaModelHandle _model;
    private readonly nint _vocab;

    private LLamaWeights(SafeLlamaModelHandle model, string path)
    {
        _model = model;
        ModelPath = path;
        _vocab = LlamaNative.ModelGetVocab(model.DangerousGetHandle());
        VocabCount = LlamaNative.VocabNTokens(_vocab);
        EmbeddingSize = LlamaNative.ModelNEmbd(model.DangerousGetHandle());
        byte* template = LlamaNative.ModelChatTemplate(model.DangerousGetHandle(), null);
        ChatTemplate = template is null ? null : Marshal.PtrToStringUTF8((nint)template);
    }

    /// <summary>The GGUF file the weights came from.</summary>
    public string ModelPath { get; }

    /// <summary>Tokens in the vocabulary (151,936 for Qwen2's tokenizer as llama.cpp ships it).</summary>
    public int VocabCount { get; }

    /// <summary>Embedding width (896 for Qwen2.5-0.5B).</summary>
    public int EmbeddingSize { get; }

    /// <summary>The model's own Jinja chat template (tokenizer.chat_template), or null when the file has none.</summary>
    public string? ChatTemplate { get; }

    internal SafeLlamaModelHandle Handle => _model;

    internal nint Vocab => _vocab;

    /// <summary>Loads the model. <see cref="LlamaLibrary.Load"/> must have run.</summary>
    /// <exception cref="LlamaModelException">The file is missing, truncated, not GGUF, or llama.cpp rejects it.</exception>
    public static LLamaWeights LoadFromFile(ModelParams parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        LlamaLibrary.EnsureLoaded();
        string path = Path.GetFullPath(parameters.ModelPath);
        CheckFile(path);

        LlamaModelParams native = LlamaNative.ModelDefaultParams();
        native.NGpuLayers = 0;
        native.VocabOnly = parameters.VocabOnly ? (byte)1 : (byte)0;
        nint model = 0;
        string log = string.Empty;
        GgmlComputeThread.Shared.Run(() =>
        {
            LlamaLog.Bridge.BeginCapture();
            try
            {
                model = LlamaNative.ModelLoadFromFile(path, native);
            }
            finally
            {
                log = LlamaLog.Bridge.EndCapture();
            }
        });
        if (model == 0)
        {
            string reason = log.Length == 0 ? "no reason logged" : log.ReplaceLineEndings(" | ");
            throw new LlamaModelException(path, $"llama.cpp could not load the model '{path}': {reason}");
        }

        return new LLamaWeights(SafeLlamaModelHandle.FromPointer(model), path);
    }

    /// <summary>Creates an inference context (KV cache) over these weights.</summary>
    public LLamaContext CreateContext(ModelParams parameters) => new(this, parameters);

    /// <summary>True when <paramref name="token"/> ends a generation (end of turn, end of text).</summary>
    public bool IsEndOfGeneration(int token) => LlamaNative.VocabIsEog(_vocab, token) != 0;

    /// <summary>Tokenises <paramref name="text"/> (UTF-8) with the model's tokenizer.</summary>
    /// <param name="text">The text.</param>
    /// <param name="addBos">Add the beginning-of-sequence token if the model asks for one (Qwen2 does not).</param>
    /// <param name="special">Parse special tokens such as &lt;|im_start|&gt; instead of treating them as text.</param>
    public int[] Tokenize(string text, bool addBos, bool special)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_model.IsClosed, this);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        // Byte-level BPE yields at most one token per byte, plus BOS/EOS.
        var tokens = new int[utf8.Length + 2];
        fixed (byte* source = utf8)
        fixed (int* target = tokens)
        {
            int count = LlamaNative.Tokenize(
                _vocab, source, utf8.Length, target, tokens.Length, addBos ? (byte)1 : (byte)0, special ? (byte)1 : (byte)0);
            if (count < 0)
            {
                throw new LlamaDecodeException($"llama_tokenize failed for a {utf8.Length}-byte text (returned {count})");
            }

            return tokens.AsSpan(0, count).ToArray();
        }
    }

    /// <summary>Turns tokens back into text; special tokens are rendered when <paramref name="special"/> is true.</summary>
    public string Detokenize(ReadOnlySpan<int> tokens, bool special = false)
    {
        ObjectDisposedException.ThrowIf(_model.IsClosed, this);
        int capacity = Math.Max(64, tokens.Length * 8);
        while (true)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
            try
            {
                int length;
                fixed (int* source = tokens)
                fixed (byte* target = buffer)
                {
                    length = LlamaNative.Detokenize(
                        _vocab, source, tokens.Length, target, buffer.Length, 0, special ? (byte)1 : (byte)0);
                }

                if (length >= 0)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }

                capacity = -length;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The bytes one token stands for (may be part of a UTF-8 sequence); written into <paramref name="buffer"/>.</summary>
    internal int TokenToPiece(int token, Span<byte> buffer)
    {
        fixed (byte* target = buffer)
        {
            return LlamaNative.TokenToPiece(_vocab, token, target, buffer.Length, 0, 0);
        }
    }

    /// <summary>
    /// Formats a chat with the model's own template (llama_chat_apply_template over tokenizer.chat_template); for
    /// Qwen that is ChatML: <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per turn.
    /// </summary>
    /// <param name="messages">The turns, oldest first.</param>
    /// <param name="addAssistant">End with the opening of an assistant turn, so the model answers next.</param>
    /// <exception cref="LlamaModelException">The model has no chat template, or llama.cpp does not recognise it.</exception>
    public string ApplyChatTemplate(IReadOnlyList<LlamaChatMessage> messages, bool addAssistant)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ObjectDisposedException.ThrowIf(_model.IsClosed, this);
        if (ChatTemplate is null)
        {
            throw new LlamaModelException(ModelPath, $"'{ModelPath}' has no tokenizer.chat_template");
        }

        var pins = new List<GCHandle>(messages.Count * 2 + 1);
        try
        {
            byte* template = Pin(pins, ChatTemplate);
            var native = new LlamaChatMessageNative[messages.Count];
            int totalBytes = 0;
            for (int i = 0; i < messages.Count; i++)
            {
                native[i].Role = Pin(pins, messages[i].Role);
                native[i].Content = Pin(pins, messages[i].Content);
                totalBytes += Encoding.UTF8.GetByteCount(messages[i].Role) + Encoding.UTF8.GetByteCount(messages[i].Content);
            }

            // llama.h recommends 2x the message text; the markup around each turn is ~30 bytes.
            int capacity = (totalBytes * 2) + (messages.Count * 64) + 64;
            while (true)
            {
                var buffer = new byte[capacity];
                int length;
                fixed (LlamaChatMessageNative* chat = native)
                fixed (byte* target = buffer)
                {
                    length = LlamaNative.ChatApplyTemplate(
                        template, chat, (nuint)native.Length, addAssistant ? (byte)1 : (byte)0, target, buffer.Length);
                }

                if (length < 0)
                {
                    throw new LlamaModelException(
                        ModelPath, $"llama.cpp does not support the chat template of '{ModelPath}' (llama_chat_apply_template returned {length})");
                }

                if (length <= buffer.Length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }

                capacity = length;
            }
        }
        finally
        {
            foreach (GCHandle pin in pins)
            {
                pin.Free();
            }
        }
    }

    /// <summary>Frees the model; safe to call twice.</summary>
    public void Dispose() => _model.Dispose();

    private static byte* Pin(List<GCHandle> pins, string text)
    {
        byte[] utf8 = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, utf8);
        GCHandle handle = GCHandle.Alloc(utf8, GCHandleType.Pinned);
        pins.Add(handle);
        return (byte*)handle.AddrOfPinnedObject();
    }

    private static void CheckFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new LlamaModelException(path, $"model file '{path}' does not exist");
        }

        Span<byte> header = stackalloc byte[GgufHeaderBytes];
        int read;
        try
        {
            using FileStream stream = File.OpenRead(path);
            read = stream.ReadAtLeast(header, GgufHeaderBytes, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LlamaModelException(path, $"model file '{path}' cannot be read: {ex.Message}");
        }

        if (read < GgufHeaderBytes)
        {
            throw new LlamaModelException(path, $"model file '{path}' is truncated: {read} bytes, shorter than a GGUF header");
        }

        if (!header[..4].SequenceEqual(s_ggufMagic))
        {
            throw new LlamaModelException(
                path, $"model file '{path}' is not GGUF: it starts with 0x{Convert.ToHexString(header[..4])}, not \"GGUF\"");
        }
    }
}
