using System.Globalization;
using System.Text;

namespace Captions.TestKit.Vision;

/// <summary>
/// A synthetic menu page: a centred title, then <see cref="Items"/> in order, name left-aligned and price
/// right-aligned, optionally joined by a dotted leader; degradations as for <see cref="SignSpec"/>.
/// </summary>
public sealed record MenuSpec
{
    public required string Name { get; init; }

    /// <summary>ISO 639-1 code of the menu's language.</summary>
    public required string Language { get; init; }

    public required string Title { get; init; }

    /// <summary>The items exactly as printed, in the menu's order.</summary>
    public required IReadOnlyList<MenuItemSpec> Items { get; init; }

    /// <summary>Face for title and names; prices use it too. Defaults to <see cref="SyntheticFonts.ForLanguage"/>.</summary>
    public string? FontFile { get; init; }

    public int FontSize { get; init; } = 32;

    public uint Foreground { get; init; } = 0x202020;

    public uint Background { get; init; } = 0xF4EEDC;

    public int Width { get; init; } = 800;

    /// <summary>Canvas height; 0 sizes it to the title and items.</summary>
    public int Height { get; init; }

    public bool DottedLeader { get; init; } = true;

    public double RotationDegrees { get; init; }

    public double Blur { get; init; }

    public int Noise { get; init; }

    public SignPerspective? Perspective { get; init; }

    public string ResolvedFontFile => FontFile ?? SyntheticFonts.ForLanguage(Language);

    internal int TitleSize => (int)Math.Round(FontSize * 1.4);

    internal int Margin => FontSize;

    /// <summary>Item pitch 1.6 em: boxes of neighbouring lines do not touch.</summary>
    internal int Pitch => (int)Math.Round(FontSize * 1.6);

    internal int ItemsTop => Margin + (TitleSize * 2);

    public int ResolvedHeight => Height > 0 ? Height : ItemsTop + (Items.Count * Pitch) + Margin;

    internal string Canonical()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"menu|{Language}|{Title}|{string.Join('\u001F', Items.Select(i => i.Name + '\u001E' + i.Price))}|");
        builder.Append(CultureInfo.InvariantCulture, $"{ResolvedFontFile}|{FontSize}|{Foreground:X6}|{Background:X6}|{Width}x{ResolvedHeight}|{DottedLeader}");
        return builder.ToString();
    }

    internal void Validate()
    {
        if (Items.Count == 0 || Items.Any(i => string.IsNullOrWhiteSpace(i.Name) || string.IsNullOrWhiteSpace(i.Price)))
        {
            throw new ArgumentException($"Menu '{Name}': needs at least one item, each with a name and a price.", nameof(Items));
        }

        if (!File.Exists(ResolvedFontFile))
        {
            throw new FileNotFoundException($"Menu '{Name}': font {ResolvedFontFile} is missing.", ResolvedFontFile);
        }
    }
}
