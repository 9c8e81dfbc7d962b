namespace Captions.Native.FriBidi;

/// <summary>FriBidi failed (fribidi_get_par_embedding_levels_ex returns 0 only when out of memory).</summary>
public sealed class FriBidiException : Exception
{
    public FriBidiException()
    {
    }

    public FriBidiException(string message)
        : base(message)
    {
    }

    public FriBidiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
