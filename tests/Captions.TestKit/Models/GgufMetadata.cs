namespace Captions.TestKit.Models;

/// <summary>A GGUF file's header and key/values as <see cref="GgufReader"/> read them.</summary>
public sealed class GgufMetadata(uint version, ulong tensorCount, IReadOnlyList<GgufKeyValue> keyValues)
{
    /// <summary>GGUF version (3 for current llama.cpp files).</summary>
    public uint Version { get; } = version;

    /// <summary>Tensors the file declares (0 for a vocab-only file).</summary>
    public ulong TensorCount { get; } = tensorCount;

    /// <summary>All key/values in file order.</summary>
    public IReadOnlyList<GgufKeyValue> KeyValues { get; } = keyValues;

    /// <summary>The entry named <paramref name="key"/>, or null.</summary>
    public GgufKeyValue? Find(string key) =>
        KeyValues.FirstOrDefault(entry => string.Equals(entry.Key, key, StringComparison.Ordinal));
}
