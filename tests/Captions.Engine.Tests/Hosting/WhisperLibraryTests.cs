using Captions.Engine.Hosting;
using Captions.Native.Whisper;

namespace Captions.Engine.Tests.Hosting;

public sealed class WhisperLibraryTests : IDisposable
{
    private readonly string _tempDirectory =
        Directory.CreateTempSubdirectory("captions-whisper-tests-").FullName;

    public void Dispose() => Directory.Delete(_tempDirectory, recursive: true);

    [Fact]
    public void TryLoad_BootstrapBuild_ReportsVersionAndCpuFeatures()
    {
        string libraryDirectory = CaptionsPaths.FromEnvironment().WhisperLibraryDirectory;

        bool loaded = WhisperLibrary.TryLoad(libraryDirectory, out string? version, out string? systemInfo, out string? error);

        loaded.Should().BeTrue($"the bootstrap builds libwhisper into {libraryDirectory} (run ./scripts/bootstrap.sh); error: {error}");
        version.Should().Be(CaptionsPaths.WhisperVersion);
        // whisper_print_system_info lists the CPU backend's compiled-in features, e.g. "CPU : SSE3 = 1 | ...".
        systemInfo.Should().Contain("WHISPER :").And.Contain("CPU :");
        WhisperLibrary.LoadedPath.Should().StartWith(libraryDirectory);
    }

    [Fact]
    public void TryLoad_SameDirectoryTwice_SucceedsBothTimes()
    {
        string libraryDirectory = CaptionsPaths.FromEnvironment().WhisperLibraryDirectory;

        bool first = WhisperLibrary.TryLoad(libraryDirectory, out string? firstVersion, out _, out string? firstError);
        bool second = WhisperLibrary.TryLoad(libraryDirectory, out string? secondVersion, out _, out string? secondError);

        first.Should().BeTrue(firstError);
        second.Should().BeTrue(secondError);
        secondVersion.Should().Be(firstVersion);
    }

    [Fact]
    public void TryLoad_MissingDirectory_FailsNamingItAndTheFix()
    {
        string missing = Path.Combine(_tempDirectory, "no-such-dir");

        bool loaded = WhisperLibrary.TryLoad(missing, out _, out _, out string? error);

        loaded.Should().BeFalse();
        error.Should().Contain(missing).And.Contain("does not exist").And.Contain("./scripts/bootstrap.sh");
    }

    [Fact]
    public void TryLoad_DirectoryWithoutLibrary_FailsListingTheNamesTried()
    {
        bool loaded = WhisperLibrary.TryLoad(_tempDirectory, out _, out _, out string? error);

        loaded.Should().BeFalse();
        error.Should().Contain("libwhisper.so, libwhisper.so.1").And.Contain(_tempDirectory);
    }

    [Fact]
    public void TryLoad_FileIsNotAnElfLibrary_FailsWithTheDynamicLoadersReason()
    {
        // Only the versioned SONAME exists: the resolver must still find it, then dlopen must refuse it.
        string fake = Path.Combine(_tempDirectory, "libwhisper.so.1");
        File.WriteAllText(fake, new string('x', 4096));

        bool loaded = WhisperLibrary.TryLoad(_tempDirectory, out _, out _, out string? error);

        loaded.Should().BeFalse();
        error.Should().Contain(fake).And.Contain("invalid ELF header");
    }
}
