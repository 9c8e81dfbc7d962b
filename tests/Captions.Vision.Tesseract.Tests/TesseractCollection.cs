namespace Captions.Vision.Tesseract.Tests;

/// <summary>
/// Real-engine tests share one set of warm recognisers (an init costs 85-290 ms a language) and run one after
/// another: a recogniser takes one call at a time, and the machine has two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TesseractCollection : ICollectionFixture<TesseractFixture>
{
    public const string Name = "Tesseract";
}
