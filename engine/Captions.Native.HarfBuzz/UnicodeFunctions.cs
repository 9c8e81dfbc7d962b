using Captions.Native.HarfBuzz.Interop;

namespace Captions.Native.HarfBuzz;

/// <summary>HarfBuzz's default Unicode character database (hb_unicode_funcs_get_default).</summary>
public static class UnicodeFunctions
{
    // HarfBuzz's default function table is a process-wide immutable singleton.
    private static readonly nint s_default = LoadDefault();

    /// <summary>The Unicode script property of a code point (Common for spaces and punctuation).</summary>
    public static Script GetScript(int codePoint) => new(NativeMethods.hb_unicode_script(s_default, (uint)codePoint));

    private static nint LoadDefault()
    {
        HarfBuzzNativeLibrary.EnsureLoaded();
        return NativeMethods.hb_unicode_funcs_get_default();
    }
}
