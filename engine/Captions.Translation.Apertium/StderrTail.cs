namespace Captions.Translation.Apertium;

/// <summary>Drains a child's stderr (so it never blocks on a full pipe) and keeps the last 1,000 characters for messages.</summary>
internal sealed class StderrTail
{
    private const int Keep = 1_000;
    private readonly Lock _gate = new();
    private string _text = string.Empty;

    public StderrTail(StreamReader reader)
    {
        Completion = DrainAsync(reader);
    }

    public Task Completion { get; }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                string trimmed = _text.Trim();
                return trimmed.Length == 0 ? "(no stderr)" : trimmed;
            }
        }
    }

    private async Task DrainAsync(StreamReader reader)
    {
        char[] buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_gate)
                {
                    string next = _text + new string(buffer, 0, read);
                    _text = next.Length > Keep ? next[^Keep..] : next;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone; what was read is kept.
        }
        catch (ObjectDisposedException)
        {
            // Disposed with the process.
        }
    }
}
