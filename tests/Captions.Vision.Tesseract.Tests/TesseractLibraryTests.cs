using Captions.Native.Tesseract;

namespace Captions.Vision.Tesseract.Tests;

public sealed class TesseractLibraryTests
{
    [Fact]
    public void EnsureLoaded_FirstLoad_SetsOpenMpThreadLimitInLibcEnvironment()
    {
        TesseractLibrary.EnsureLoaded();

        // libc's getenv, the one libgomp reads: Environment.GetEnvironmentVariable would only show .NET's copy.
        LibC.GetEnvironmentVariable(TesseractLibrary.OpenMpThreadLimitVariable).Should().Be("1");
        TesseractLibrary.OpenMpThreadLimit.Should().Be("1");
        TesseractLibrary.OpenMpLoadedBeforeLimit.Should().BeFalse("nothing in the test host loads libgomp before Tesseract");
    }

    [Fact]
    public void Version_Debian_IsTesseract5()
    {
        TesseractLibrary.Version.Should().StartWith("5.");
        TesseractLibrary.LoadedName.Should().Be("libtesseract.so.5");
    }
}
