namespace Captions.TestKit.Vision;

/// <summary>One menu line as printed: the dish name (left) and its price exactly as written (right), e.g. "12,50 €".</summary>
public sealed record MenuItemSpec(string Name, string Price);
