namespace Captions.TestKit.Translation;

/// <summary>A chat completion request the loopback server received, recorded for assertions.</summary>
public sealed class LoopbackRequest
{
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LoopbackRequest(int index, string connectionId, string? authorization, string model, bool stream, int? maxTokens, IReadOnlyList<LoopbackMessage> messages, string body)
    {
        Index = index;
        ConnectionId = connectionId;
        Authorization = authorization;
        Model = model;
        Stream = stream;
        MaxTokens = maxTokens;
        Messages = messages;
        Body = body;
    }

    /// <summary>0 for the first request the server saw.</summary>
    public int Index { get; }

    /// <summary>Kestrel's connection id: equal ids mean the client reused a keep-alive connection.</summary>
    public string ConnectionId { get; }

    public string? Authorization { get; }

    public string Model { get; }

    public bool Stream { get; }

    /// <summary>max_completion_tokens or max_tokens, whichever the client sent.</summary>
    public int? MaxTokens { get; }

    public IReadOnlyList<LoopbackMessage> Messages { get; }

    /// <summary>The raw JSON body.</summary>
    public string Body { get; }

    /// <summary>True once the client went away before the server finished answering.</summary>
    public bool WasAborted => _aborted.Task.IsCompleted;

    /// <summary>Completes when the client aborts this request (cancellation, timeout, disposal mid-stream).</summary>
    public Task WhenAborted => _aborted.Task;

    /// <summary>Completes when the server's handler for this request has returned, aborted or not.</summary>
    public Task WhenFinished => _finished.Task;

    internal void MarkAborted() => _aborted.TrySetResult();

    internal void MarkFinished() => _finished.TrySetResult();
}
