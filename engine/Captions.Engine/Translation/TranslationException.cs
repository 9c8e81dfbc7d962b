namespace Captions.Engine.Translation;

/// <summary>A translation failed; <see cref="Kind"/> says why, the message names the endpoint, model or pair.</summary>
public sealed class TranslationException : Exception
{
    public TranslationException()
    {
    }

    public TranslationException(string message)
        : base(message)
    {
    }

    public TranslationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TranslationException(TranslationFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public TranslationFailureKind Kind { get; } = TranslationFailureKind.EngineFailed;
}
