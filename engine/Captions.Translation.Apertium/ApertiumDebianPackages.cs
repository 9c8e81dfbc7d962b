namespace Captions.Translation.Apertium;

/// <summary>
/// The Apertium pair packages Debian 12 (bookworm) ships, from `apt-cache search apertium` (transitional dummy
/// packages such as apertium-en-es left out: they only depend on the renamed package). Each package installs both
/// directions of its pair, so a missing direction names the package that would add it.
/// </summary>
internal static class ApertiumDebianPackages
{
    private static readonly string[] s_packages =
    [
        "apertium-afr-nld", "apertium-arg-cat", "apertium-bel-rus", "apertium-br-fr", "apertium-cat-ita",
        "apertium-cat-srd", "apertium-dan-nor", "apertium-en-gl", "apertium-eng-cat", "apertium-eng-spa",
        "apertium-eo-ca", "apertium-eo-en", "apertium-eo-es", "apertium-eo-fr", "apertium-es-gl", "apertium-es-pt",
        "apertium-es-ro", "apertium-eu-en", "apertium-eu-es", "apertium-fr-es", "apertium-fra-cat",
        "apertium-fra-frp", "apertium-hbs-eng", "apertium-hbs-mkd", "apertium-hbs-slv", "apertium-ind-zlm",
        "apertium-isl-eng", "apertium-isl-swe", "apertium-mkd-bul", "apertium-mkd-eng", "apertium-nno-nob",
        "apertium-oc-ca", "apertium-oc-es", "apertium-oci-fra", "apertium-pol-szl", "apertium-por-cat",
        "apertium-pt-gl", "apertium-rus-ukr", "apertium-spa-arg", "apertium-spa-ast", "apertium-spa-cat",
        "apertium-spa-ita", "apertium-srd-ita", "apertium-swe-dan", "apertium-swe-nor", "apertium-urd-hin",
    ];

    /// <summary>The bookworm package carrying <paramref name="source"/>-<paramref name="target"/> (either direction), or null.</summary>
    public static string? PackageFor(string source, string target)
    {
        string a = ApertiumLanguageCodes.Canonical(source);
        string b = ApertiumLanguageCodes.Canonical(target);
        foreach (string package in s_packages)
        {
            string[] parts = package["apertium-".Length..].Split('-');
            string x = ApertiumLanguageCodes.Canonical(parts[0]);
            string y = ApertiumLanguageCodes.Canonical(parts[1]);
            if ((x == a && y == b) || (x == b && y == a))
            {
                return package;
            }
        }

        return null;
    }
}
