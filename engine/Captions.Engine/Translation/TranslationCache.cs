using System.Globalization;
using System.Text;

namespace Captions.Engine.Translation;

/// <summary>
/// Least-recently-used cache of finished translations keyed by normalised source text and language pair: signs and
/// stock phrases repeat, and a repeat should cost nothing.
/// </summary>
/// <remarks>
/// Normalisation: Unicode NFC, whitespace runs collapsed, trimmed, lower-cased (invariant), so "EXIT", "Exit " and
/// "exit" share an entry. Threading model: thread-safe (one lock; entries are small and operations O(1)).
/// </remarks>
public sealed class TranslationCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, string Value)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, string Value)> _order = new();
    private readonly Lock _lock = new();
    private long _hits;
    private long _misses;

    public TranslationCache(int capacity = 512)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    public bool TryGet(string text, string source, string target, out string translation)
    {
        var key = Key(text, source, target);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                translation = node.Value.Value;
                _hits++;
                return true;
            }

            _misses++;
        }

        translation = string.Empty;
        return false;
    }

    public void Add(string text, string source, string target, string translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var key = Key(text, source, target);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(key);
            }

            var node = _order.AddFirst((key, translation));
            _map[key] = node;
            if (_map.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }

    /// <summary>The cache key's text part (exposed so the stage can compare partial texts the same way).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static string Key(string text, string source, string target) => $"{source}\u001f{target}\u001f{Normalize(text)}";
}
