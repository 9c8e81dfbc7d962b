using System.Runtime.InteropServices;

namespace Captions.Native.FriBidi.Interop;

/// <summary>
/// GNU FriBidi 1.0.8 entry points (Debian libfribidi0). FriBidiChar/CharType/BracketType/ParType are 32-bit,
/// FriBidiStrIndex is int, FriBidiLevel is signed char (fribidi-types.h).
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "fribidi";

    [LibraryImport(Library)]
    internal static partial uint fribidi_get_bidi_type(uint codePoint);

    [LibraryImport(Library)]
    internal static partial void fribidi_get_bidi_types(uint* text, int length, uint* types);

    [LibraryImport(Library)]
    internal static partial void fribidi_get_bracket_types(uint* text, int length, uint* types, uint* bracketTypes);

    /// <summary>Returns the maximum level found plus one, or 0 on failure (out of memory).</summary>
    [LibraryImport(Library)]
    internal static partial sbyte fribidi_get_par_embedding_levels_ex(uint* types, uint* bracketTypes, int length, uint* baseDirection, sbyte* levels);
}
