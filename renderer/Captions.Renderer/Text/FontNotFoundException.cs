namespace Captions.Renderer.Text;

/// <summary>The primary font of a <see cref="FontCollection"/> is missing: names the path and the package that provides it.</summary>
public sealed class FontNotFoundException : Exception
{
    public FontNotFoundException()
    {
    }

    public FontNotFoundException(string message)
        : base(message)
    {
    }

    public FontNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FontNotFoundException(FontSource font)
        : base(Describe(font))
    {
        FontPath = font?.Path;
    }

    public string? FontPath { get; }

    private static string Describe(FontSource font)
    {
        ArgumentNullException.ThrowIfNull(font);
        string package = string.IsNullOrEmpty(font.Package) ? string.Empty : $" (Debian package {font.Package})";
        return $"primary font '{font.Path}' does not exist{package}: run ./scripts/bootstrap.sh";
    }
}
