namespace Captions.Native.Text.Tests;

/// <summary>Debian font files the bootstrap installs; a missing one fails the test with what to run.</summary>
internal static class Fonts
{
    public static string DejaVuSans => Require("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core");

    public static string WenQuanYiMicroHei => Require("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "fonts-wqy-microhei");

    private static string Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing (Debian package {package}): run ./scripts/bootstrap.sh", path);
        }

        return path;
    }
}
