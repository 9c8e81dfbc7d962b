namespace Captions.Translation.Apertium;

/// <summary>One installed Apertium translation direction.</summary>
/// <param name="Source">Canonical source code ("en"), see <see cref="ApertiumLanguageCodes.Canonical"/>.</param>
/// <param name="Target">Canonical target code ("es").</param>
/// <param name="Mode">Apertium's mode name as installed ("eng-spa", "fr-es").</param>
/// <param name="ModeFile">Full path of the .mode file (the pipeline Apertium runs for this direction).</param>
public sealed record ApertiumPair(string Source, string Target, string Mode, string ModeFile)
{
    public override string ToString() => $"{Source}->{Target} ({Mode})";
}
