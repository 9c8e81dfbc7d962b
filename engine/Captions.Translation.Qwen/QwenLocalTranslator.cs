using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Captions.Engine.Translation;
using Captions.Engine.Translation.Prompting;
using Captions.Native.Llama;

namespace Captions.Translation.Qwen;

/// <summary>
/// On-device Qwen through llama.cpp in this process: the same prompt and output validation as the remote
/// <see cref="QwenTranslator"/>, the model's own chat template, greedy decoding to end-of-turn, and the KV cache of the
/// fixed system-prompt prefix kept between requests (only the caption part of each prompt is decoded).
/// </summary>
/// <remarks>
/// Threading model: one llama context, so requests run one at a time (a SemaphoreSlim queues them, and a cancelled
/// waiter leaves the queue at once); the decode loop runs on a worker task that hands pieces over a bounded channel,
/// so the caller's async enumeration never blocks a thread-pool thread on native work.
/// </remarks>
public sealed class QwenLocalTranslator : ITranslator
{
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly QwenLocalOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private QwenLocalTranslator(LLamaWeights weights, LLamaContext context, QwenLocalOptions options)
    {
        _weights = weights;
        _context = context;
        _options = options;
    }

    public string Name => "qwen-local";

    public string ModelPath => _weights.ModelPath;

    /// <summary>The context (tests and benchmarks read its decoded-token counter and switch prefix reuse).</summary>
    public LLamaContext Context => _context;

    /// <summary>Loads llama.cpp from <paramref name="libraryDirectory"/> and the GGUF model.</summary>
    /// <exception cref="TranslationException">ModelUnavailable: the library or the model could not be loaded.</exception>
    public static QwenLocalTranslator Load(string libraryDirectory, string modelPath, QwenLocalOptions? options = null)
    {
        options ??= new QwenLocalOptions();
        LLamaWeights? weights = null;
        try
        {
            LlamaLibrary.Load(libraryDirectory);
            var parameters = new ModelParams(modelPath) { ContextSize = options.ContextSize, Threads = options.Threads };
            weights = LLamaWeights.LoadFromFile(parameters);
            var context = weights.CreateContext(parameters);
            return new QwenLocalTranslator(weights, context, options);
        }
        catch (Exception exception) when (exception is LlamaModelException or LlamaLibraryException or LlamaDecodeException)
        {
            weights?.Dispose();
            throw new TranslationException(TranslationFailureKind.ModelUnavailable, $"on-device Qwen: {exception.Message}", exception);
        }
    }

    public bool Supports(string source, string target) => !string.Equals(source, target, StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<TranslationUpdate> TranslateAsync(TranslationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            yield return new TranslationUpdate(string.Empty, IsComplete: true);
            yield break;
        }

        var messages = TranslationPrompt.Build(request);
        var prompt = _weights.ApplyChatTemplate([new LlamaChatMessage("system", messages.System), new LlamaChatMessage("user", messages.User)], addAssistant: true);
        var tokens = _context.Tokenize(prompt, addBos: false, special: true);
        var inference = new InferenceParams { MaxTokens = Math.Min(_options.MaxOutputTokens, 32 + (2 * request.Text.Length)), Temperature = 0 };

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var pieces = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var raw = new StringBuilder();
        var shown = string.Empty;
        Task generation;
        try
        {
            generation = Task.Run(() => GenerateAsync(tokens, inference, pieces.Writer, cancellationToken), CancellationToken.None);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        try
        {
            await foreach (var piece in pieces.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                raw.Append(piece);
                var cleaned = TranslationOutputValidator.CleanPartial(raw.ToString(), request.Text);
                if (cleaned.Length > 0 && !string.Equals(cleaned, shown, StringComparison.Ordinal))
                {
                    shown = cleaned;
                    yield return new TranslationUpdate(cleaned, IsComplete: false);
                }
            }

            await generation.ConfigureAwait(false);
        }
        finally
        {
            // The loop stops at the next token once the token is cancelled; the context is free only after that.
            await generation.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _gate.Release();
        }

        var verdict = TranslationOutputValidator.Validate(raw.ToString(), request);
        if (!verdict.IsAccepted)
        {
            throw new TranslationException(
                TranslationFailureKind.Rejected,
                $"on-device Qwen ({Path.GetFileName(_weights.ModelPath)}) gave no usable {request.SourceLanguage}->{request.TargetLanguage} translation: {verdict.Reason}");
        }

        yield return new TranslationUpdate(verdict.Text, IsComplete: true);
    }

    private async Task GenerateAsync(int[] prompt, InferenceParams inference, ChannelWriter<string> writer, CancellationToken cancellationToken)
    {
        try
        {
            // Each MoveNext decodes one token on the ggml compute thread; the channel is bounded, so a slow reader
            // pauses generation instead of buffering without limit.
            foreach (var piece in _context.Generate(prompt, inference, cancellationToken))
            {
                await writer.WriteAsync(piece, cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (LlamaDecodeException exception)
        {
            writer.TryComplete(new TranslationException(TranslationFailureKind.EngineFailed, $"on-device Qwen: {exception.Message}", exception));
        }
        catch (Exception exception)
        {
            writer.TryComplete(exception);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _context.Dispose();
            _weights.Dispose();
            _gate.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
