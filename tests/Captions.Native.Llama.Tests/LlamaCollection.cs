namespace Captions.Native.Llama.Tests;

/// <summary>All llama tests share one tiny model and run one at a time (2 cores; one compute thread anyway).</summary>
[CollectionDefinition(Name)]
public sealed class LlamaCollection : ICollectionFixture<TinyModelFixture>
{
    public const string Name = "llama";
}
