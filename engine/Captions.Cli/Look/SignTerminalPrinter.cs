using Captions.Vision.Signs;

namespace Captions.Cli.Look;

/// <summary>
/// Prints overlays as the wearer would see them change: one line when an item appears, one when its reading or
/// translation changes, one when it leaves. A steady sign prints nothing more, however many frames show it.
/// </summary>
/// <remarks>Threading model: the look command's snapshot loop only.</remarks>
internal sealed class SignTerminalPrinter
{
    private readonly TextWriter _output;
    private readonly bool _enabled;
    private readonly Dictionary<long, SignItem> _shown = new();
    private readonly HashSet<long> _seen = new();

    public SignTerminalPrinter(TextWriter output, bool enabled)
    {
        _output = output;
        _enabled = enabled;
    }

    public void Print(SignSnapshot snapshot)
    {
        if (!_enabled)
        {
            return;
        }

        _seen.Clear();
        foreach (var item in snapshot.Items)
        {
            _seen.Add(item.Id);
            if (!_shown.TryGetValue(item.Id, out var before) || before.SourceText != item.SourceText || before.Translation != item.Translation || before.Price != item.Price)
            {
                _output.WriteLine(Format(item));
                _shown[item.Id] = item;
            }
        }

        foreach (var id in _shown.Keys.Where(id => !_seen.Contains(id)).ToList())
        {
            _output.WriteLine($"[left #{id}] {_shown[id].SourceText}");
            _shown.Remove(id);
        }
    }

    /// <summary>"[sign #3] NO PARKING -> Prohibido aparcar", "[menu #7] Pasta  12.50 € -> ...".</summary>
    public static string Format(SignItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var kind = item.Kind == SignKind.MenuItem ? "menu" : "sign";
        var source = item.Price is null ? item.SourceText : $"{item.SourceText}  {item.Price}";
        if (item.Translation is null)
        {
            return $"[{kind} #{item.Id}] {source}";
        }

        var translation = item.Price is null ? item.Translation : $"{item.Translation}  {item.Price}";
        return $"[{kind} #{item.Id}] {source} -> {translation}";
    }
}
