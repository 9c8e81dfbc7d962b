namespace Captions.Native.FreeType;

/// <summary>A FreeType call failed: carries the FT error code, its name and the font file involved.</summary>
public sealed class FreeTypeException : Exception
{
    public FreeTypeException()
    {
    }

    public FreeTypeException(string message)
        : base(message)
    {
    }

    public FreeTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FreeTypeException(string operation, int errorCode, string? fontPath)
        : base(Describe(operation, errorCode, fontPath))
    {
        ErrorCode = errorCode;
        FontPath = fontPath;
    }

    /// <summary>The FT_Error value (0 when not from a FreeType call).</summary>
    public int ErrorCode { get; }

    public string ErrorName => FreeTypeError.NameOf(ErrorCode);

    public string? FontPath { get; }

    private static string Describe(string operation, int errorCode, string? fontPath)
    {
        string file = fontPath is null ? string.Empty : $" for font '{fontPath}'";
        return $"{operation} failed{file}: {FreeTypeError.NameOf(errorCode)} (FT error 0x{errorCode:X2})";
    }
}
