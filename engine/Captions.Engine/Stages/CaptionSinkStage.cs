using System.Threading.Channels;
using Captions.Engine.Captioning;
using Captions.Engine.Output;

namespace Captions.Engine.Stages;

/// <summary>
/// Fans every caption version out to the configured sinks (files, terminal, renderer). Sinks are completed and
/// disposed however the run ends (normally, stopped, or faulted upstream), so files already written stay valid.
/// Threading model: calls the sinks only from the stage task.
/// </summary>
public sealed class CaptionSinkStage
{
    private readonly IReadOnlyList<ICaptionSink> _sinks;

    public CaptionSinkStage(IReadOnlyList<ICaptionSink> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        _sinks = sinks;
    }

    public long LinesWritten { get; private set; }

    public async Task RunAsync(ChannelReader<CaptionLine> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await foreach (var line in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var sink in _sinks)
                {
                    await sink.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                }

                LinesWritten++;
            }
        }
        finally
        {
            await CloseAllAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Completes and disposes every sink, even when one of them fails, so one broken output never leaves another
    /// file unterminated. Closing uses a fresh token: it must not be skipped because the run was cancelled.
    /// </summary>
    private async ValueTask CloseAllAsync()
    {
        List<Exception>? errors = null;
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                (errors ??= []).Add(ex);
            }
            finally
            {
                await sink.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (errors is not null)
        {
            throw errors.Count == 1 ? errors[0] : new AggregateException("closing caption outputs failed", errors);
        }
    }
}
