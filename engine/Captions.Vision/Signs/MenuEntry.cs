using Captions.Vision.Geometry;

namespace Captions.Vision.Signs;

/// <summary>
/// One entry of a parsed menu, in the menu's order: a dish (<see cref="Name"/> to translate, <see cref="Price"/>
/// exactly as printed), a line without a price (a heading, a description), or a price whose dish was not found
/// (<see cref="Name"/> empty: nothing to translate).
/// </summary>
/// <param name="Id">The id of the name line (or of the price line for an orphan price).</param>
/// <param name="Name">The text to translate, without price or dotted leaders; numbers inside it ("2 eggs") kept.</param>
/// <param name="Price">The price as printed ("12,50 €", "¥980"), or null.</param>
/// <param name="Box">The name line's box (the price line's for an orphan price).</param>
/// <param name="PriceLineId">The id of the separate line the price came from, or null (inline or no price).</param>
/// <param name="Order">Position in the menu's order, from 0.</param>
public sealed record MenuEntry(long Id, string Name, string? Price, Quad Box, long? PriceLineId, int Order)
{
    /// <summary>A dish with its price.</summary>
    public bool IsItem => Price is not null && Name.Length > 0;
}
