namespace Captions.Vision.PaddleOcr.Tests;

/// <summary>The tests sharing <see cref="PaddleOcrTestAssets.Engine"/>: one at a time (an engine runs one call at a time).</summary>
[CollectionDefinition(Name)]
public sealed class PaddleOcrCollection
{
    public const string Name = "PaddleOcr";
}
