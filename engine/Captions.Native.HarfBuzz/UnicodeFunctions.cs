using Captions.Native.HarfBuzz.Interop;

namespace Captions.Native.HarfBuzz;

/// <summary>HarfBuzz's default Unicode character database (hb_unicode_funcs_get_default).</summary>
public static class UnicodeFunctions
{
    private static nint s_default;

    /// <summary>The Unicode script property of a code point (Common for spaces and punctuation).</summary>
    public static Script GetScript(int codePoint)
    {
        if (s_default == 0)
        {
            HarfBuzzNativeLibrary.EnsureLoaded();
            s_default = NativeMethods.hb_unicode_funcs_get_default();
        }

        return new Script(NativeMethods.hb_unicode_script(s_default, (uint)codePoint));
    }
}
