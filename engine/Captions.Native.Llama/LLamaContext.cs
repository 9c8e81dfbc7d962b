using System.Text;
using Captions.Native.Ggml;

namespace Captions.Native.Llama;

/// <summary>
/// One inference context (KV cache) over <see cref="LLamaWeights"/>: decodes a prompt and generates tokens, keeping
/// the KV cache of the prefix a prompt shares with the previous one (the fixed system prompt of every caption), so
/// only the new suffix is decoded. Shaped like LLamaSharp's LLamaContext plus an executor.
/// </summary>
/// <remarks>
/// Threading model: one generation at a time per context (a context is a single KV cache; a second concurrent
/// generation throws <see cref="InvalidOperationException"/>). Every llama_decode runs on the process's one
/// compute thread (GgmlComputeThread: libgomp throttles when several threads start OpenMP teams), the caller's
/// thread only waits. Cancellation is checked between decode calls: between prompt chunks and between tokens.
/// </remarks>
public sealed unsafe class LLamaContext : IDisposable
{
    // Largest piece one Qwen token decodes to is ~16 bytes; 128 leaves room for any vocabulary.
    private const int PieceBufferBytes = 128;

    private readonly LLamaWeights _weights;
    private readonly SafeLlamaContextHandle _context;
    private readonly nint _memory;
    private readonly int _batchSize;
    private readonly List<int> _cached = [];
    private int _generating;
    private int _disposed;
    private long _decodedTokenCount;

    internal LLamaContext(LLamaWeights weights, ModelParams parameters)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.VocabOnly)
        {
            throw new ArgumentException($"'{weights.ModelPath}' was loaded vocabulary-only: it has no weights to run", nameof(parameters));
        }

        _weights = weights;
        LlamaContextParams native = LlamaNative.ContextDefaultParams();
        native.NCtx = parameters.ContextSize;
        native.NBatch = parameters.BatchSize;
        native.NUbatch = parameters.BatchSize;
        native.NThreads = parameters.Threads > 0 ? parameters.Threads : Environment.ProcessorCount;
        native.NThreadsBatch = native.NThreads;
        nint model = weights.Handle.DangerousGetHandle();
        nint context = 0;
        GgmlComputeThread.Shared.Run(() => context = LlamaNative.InitFromModel(model, native));
        if (context == 0)
        {
            throw new LlamaModelException(
                weights.ModelPath, $"llama_init_from_model failed for '{weights.ModelPath}' with a {parameters.ContextSize}-token context");
        }

        _context = SafeLlamaContextHandle.FromPointer(context);
        // The context borrows the model: hold a reference so disposing the weights first frees the model only
        // when the last context goes, instead of leaving llama_context pointing at freed memory.
        bool added = false;
        weights.Handle.DangerousAddRef(ref added);
        _memory = LlamaNative.GetMemory(context);
        ContextSize = (int)LlamaNative.NCtx(context);
        _batchSize = (int)LlamaNative.NBatch(context);
    }

    /// <summary>The weights this context runs.</summary>
    public LLamaWeights Weights => _weights;

    /// <summary>KV-cache size in tokens.</summary>
    public int ContextSize { get; }

    /// <summary>
    /// Keep the KV cache of the prefix a prompt shares with what the cache holds (default). Off, every prompt is
    /// decoded from its first token: the baseline the reuse ratio is measured against.
    /// </summary>
    public bool ReusePrefix { get; set; } = true;

    /// <summary>Tokens fed to llama_decode since this context was created: prompt suffixes plus generated tokens.</summary>
    public long DecodedTokenCount => Interlocked.Read(ref _decodedTokenCount);

    /// <summary>Prompt tokens the last generation took from the KV cache instead of decoding them.</summary>
    public int LastReusedTokenCount { get; private set; }

    /// <summary>Tokenises with the model's tokenizer (see <see cref="LLamaWeights.Tokenize"/>).</summary>
    public int[] Tokenize(string text, bool addBos = true, bool special = false) => _weights.Tokenize(text, addBos, special);

    /// <summary>Turns tokens back into text (see <see cref="LLamaWeights.Detokenize"/>).</summary>
    public string Detokenize(ReadOnlySpan<int> tokens, bool special = false) => _weights.Detokenize(tokens, special);

    /// <summary>Empties the KV cache; the next prompt is decoded in full.</summary>
    public void ClearCache()
    {
        ObjectDisposedException.ThrowIf(_context.IsClosed, this);
        GgmlComputeThread.Shared.Run(() => LlamaNative.MemoryClear(_memory, 1));
        _cached.Clear();
    }

    /// <summary>
    /// Generates text after <paramref name="prompt"/>: UTF-8-complete pieces, one per token or fewer (a character
    /// split over tokens comes out whole). Stops at an end-of-generation token, at <see cref="InferenceParams.MaxTokens"/>
    /// or when the context is full.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked between decode calls).</exception>
    public IEnumerable<string> Generate(
        IReadOnlyList<int> prompt, InferenceParams inference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(inference);
        return GenerateText(prompt, inference, cancellationToken);
    }

    /// <summary>As <see cref="Generate"/>, yielding token ids (the end-of-generation token is not yielded).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked between decode calls).</exception>
    public IEnumerable<int> GenerateTokens(
        IReadOnlyList<int> prompt, InferenceParams inference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentOutOfRangeException.ThrowIfNegative(inference.MaxTokens);
        if (prompt.Count == 0)
        {
            throw new ArgumentException("the prompt has no tokens", nameof(prompt));
        }

        if (prompt.Count >= ContextSize)
        {
            throw new LlamaDecodeException(
                $"the prompt has {prompt.Count} tokens; the context of '{_weights.ModelPath}' holds {ContextSize}");
        }

        return GenerateTokensCore(prompt.ToArray(), inference, cancellationToken);
    }

    /// <summary>Frees the context (KV cache) and releases its hold on the model; safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _context.Dispose();
        _weights.Handle.DangerousRelease();
    }

    private IEnumerable<string> GenerateText(IReadOnlyList<int> prompt, InferenceParams inference, CancellationToken cancellationToken)
    {
        Decoder decoder = Encoding.UTF8.GetDecoder();
        var piece = new byte[PieceBufferBytes];
        var chars = new char[PieceBufferBytes];
        foreach (int token in GenerateTokens(prompt, inference, cancellationToken))
        {
            int length = _weights.TokenToPiece(token, piece);
            if (length <= 0)
            {
                continue;
            }

            int charCount = decoder.GetChars(piece, 0, length, chars, 0, flush: false);
            if (charCount > 0)
            {
                yield return new string(chars, 0, charCount);
            }
        }

        int tail = decoder.GetChars([], 0, 0, chars, 0, flush: true);
        if (tail > 0)
        {
            yield return new string(chars, 0, tail);
        }
    }

    private IEnumerable<int> GenerateTokensCore(int[] prompt, InferenceParams inference, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_context.IsClosed, this);
        if (Interlocked.Exchange(ref _generating, 1) != 0)
        {
            throw new InvalidOperationException("this LLamaContext is already generating: one generation at a time per context");
        }

        using SafeLlamaSamplerHandle sampler = CreateSampler(inference);
        try
        {
            Prefill(prompt, cancellationToken);
            int[] one = new int[1];
            for (int produced = 0; produced < inference.MaxTokens; produced++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int token = 0;
                GgmlComputeThread.Shared.Run(() => token = LlamaNative.SamplerSample(sampler.DangerousGetHandle(), _context.DangerousGetHandle(), -1));
                if (_weights.IsEndOfGeneration(token))
                {
                    break;
                }

                yield return token;
                if (produced + 1 == inference.MaxTokens || _cached.Count >= ContextSize)
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                one[0] = token;
                DecodeChunk(one, 0, 1);
            }

        }
        finally
        {
            // A generation cut short by cancellation leaves the cache as decoded so far, which _cached describes
            // exactly: the next prompt can still reuse its prefix.
            Volatile.Write(ref _generating, 0);
        }
    }

    private void Prefill(int[] prompt, CancellationToken cancellationToken)
    {
        int reuse = ReusePrefix ? CommonPrefixLength(prompt) : 0;
        // The last prompt token is always decoded again: its logits are what the first sample reads.
        if (reuse == prompt.Length)
        {
            reuse--;
        }

        if (reuse < _cached.Count)
        {
            bool removed = false;
            GgmlComputeThread.Shared.Run(() =>
            {
                if (reuse == 0)
                {
                    LlamaNative.MemoryClear(_memory, 1);
                    removed = true;
                }
                else
                {
                    removed = LlamaNative.MemorySeqRm(_memory, 0, reuse, -1) != 0;
                }
            });
            if (!removed)
            {
                GgmlComputeThread.Shared.Run(() => LlamaNative.MemoryClear(_memory, 1));
                reuse = 0;
            }

            _cached.RemoveRange(reuse, _cached.Count - reuse);
        }

        LastReusedTokenCount = reuse;
        for (int start = reuse; start < prompt.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DecodeChunk(prompt, start, Math.Min(_batchSize, prompt.Length - start));
        }
    }

    private int CommonPrefixLength(int[] prompt)
    {
        int limit = Math.Min(prompt.Length, _cached.Count);
        int length = 0;
        while (length < limit && _cached[length] == prompt[length])
        {
            length++;
        }

        return length;
    }

    // Positions come from the KV cache (llama_batch_get_one leaves pos NULL: next after the sequence's last), so the
    // cache and _cached must agree; a failed decode clears both rather than leave them out of step.
    private void DecodeChunk(int[] tokens, int start, int count)
    {
        nint context = _context.DangerousGetHandle();
        int result = 0;
        GgmlComputeThread.Shared.Run(() =>
        {
            fixed (int* first = &tokens[start])
            {
                result = LlamaNative.Decode(context, LlamaNative.BatchGetOne(first, count));
            }
        });
        if (result != 0)
        {
            GgmlComputeThread.Shared.Run(() => LlamaNative.MemoryClear(_memory, 1));
            _cached.Clear();
            throw new LlamaDecodeException(
                $"llama_decode of {count} tokens returned {result} for '{_weights.ModelPath}' (1 = no KV-cache slot, 2 = aborted, negative = error)");
        }

        _cached.AddRange(new ArraySegment<int>(tokens, start, count));
        Interlocked.Add(ref _decodedTokenCount, count);
    }

    private static SafeLlamaSamplerHandle CreateSampler(InferenceParams inference)
    {
        SafeLlamaSamplerHandle chain = SafeLlamaSamplerHandle.FromPointer(
            LlamaNative.SamplerChainInit(new LlamaSamplerChainParams { NoPerf = 1 }));
        nint handle = chain.DangerousGetHandle();
        if (inference.Temperature <= 0)
        {
            LlamaNative.SamplerChainAdd(handle, LlamaNative.SamplerInitGreedy());
            return chain;
        }

        LlamaNative.SamplerChainAdd(handle, LlamaNative.SamplerInitTopK(inference.TopK));
        LlamaNative.SamplerChainAdd(handle, LlamaNative.SamplerInitTopP(inference.TopP, 1));
        LlamaNative.SamplerChainAdd(handle, LlamaNative.SamplerInitTemp(inference.Temperature));
        LlamaNative.SamplerChainAdd(handle, LlamaNative.SamplerInitDist(inference.Seed));
        return chain;
    }
}
