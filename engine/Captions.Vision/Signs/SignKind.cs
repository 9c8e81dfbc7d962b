namespace Captions.Vision.Signs;

/// <summary>What a stable item is: a free-standing sign line, or a menu item (dish name, with its price kept apart).</summary>
public enum SignKind
{
    Sign,
    MenuItem,
}
