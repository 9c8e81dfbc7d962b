using Captions.Engine.Hosting;

namespace Captions.Engine.Tests.Hosting;

public sealed class CaptionsPathsTests : IDisposable
{
    // Expected hashes computed with scripts/bootstrap.sh's cpu_feature_hash on the same fixtures, e.g.
    // printf '%s' 'fpu vme de sse2 avx2' | sha256sum | cut -c1-12
    private const string X86FixtureHash = "9a25e287ebf8";
    private const string ArmFixtureHash = "7775951be5da";
    private const string UnknownHash = "b23a6a8439c0";

    private readonly string _tempDirectory =
        Directory.CreateTempSubdirectory("captions-paths-tests-").FullName;

    public void Dispose() => Directory.Delete(_tempDirectory, recursive: true);

    [Fact]
    public void CacheRoot_CaptionsCacheDirSet_WinsOverXdgAndHome()
    {
        var paths = new CaptionsPaths(Env(("CAPTIONS_CACHE_DIR", "/srv/cc"), ("XDG_CACHE_HOME", "/x"), ("HOME", "/h")));

        paths.CacheRoot.Should().Be("/srv/cc");
    }

    [Fact]
    public void CacheRoot_XdgCacheHomeSet_AppendsCaptions()
    {
        var paths = new CaptionsPaths(Env(("XDG_CACHE_HOME", "/x"), ("HOME", "/h")));

        paths.CacheRoot.Should().Be("/x/captions");
    }

    [Fact]
    public void CacheRoot_OnlyHomeSet_UsesDotCache()
    {
        var paths = new CaptionsPaths(Env(("HOME", "/home/ann")));

        paths.CacheRoot.Should().Be("/home/ann/.cache/captions");
    }

    [Fact]
    public void CacheRoot_EmptyVariables_CountAsUnsetLikeBash()
    {
        var paths = new CaptionsPaths(Env(("CAPTIONS_CACHE_DIR", ""), ("XDG_CACHE_HOME", ""), ("HOME", "/h")));

        paths.CacheRoot.Should().Be("/h/.cache/captions");
    }

    [Fact]
    public void Constructor_NoVariableSet_ThrowsNamingTheVariables()
    {
        Action act = () => _ = new CaptionsPaths(Env());

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*CAPTIONS_CACHE_DIR*XDG_CACHE_HOME*HOME*");
    }

    [Fact]
    public void NpmPackageDirectory_PlainAndScopedNames_KeyedByNameAtVersion()
    {
        var paths = new CaptionsPaths(Env(("CAPTIONS_CACHE_DIR", "/c")));

        paths.NpmPackageDirectory("nodejs-whisper", "0.3.1").Should().Be("/c/npm/nodejs-whisper@0.3.1");
        paths.NpmPackageDirectory("@node-llama-cpp/linux-x64", "3.22.1")
            .Should().Be("/c/npm/@node-llama-cpp/linux-x64@3.22.1");
    }

    [Theory]
    [InlineData("../../etc", "1.0")]
    [InlineData("pkg", "1.0/../../x")]
    public void NpmPackageDirectory_PathTraversal_Throws(string name, string version)
    {
        var paths = new CaptionsPaths(Env(("CAPTIONS_CACHE_DIR", "/c")));

        Action act = () => paths.NpmPackageDirectory(name, version);

        act.Should().Throw<ArgumentException>().WithMessage($"*{name}@{version}*");
    }

    [Fact]
    public void WhisperPaths_FixedCpuInfo_KeyedByVersionAndCpuHash()
    {
        string cpuInfo = WriteCpuInfo("processor\t: 0\nflags\t\t: fpu vme de sse2 avx2\n");
        var paths = new CaptionsPaths(Env(("CAPTIONS_CACHE_DIR", "/c")), cpuInfo);

        paths.WhisperLibraryDirectory.Should().Be($"/c/whisper.cpp/1.9.1-{X86FixtureHash}/lib");
        paths.WhisperCliPath.Should().Be($"/c/whisper.cpp/1.9.1-{X86FixtureHash}/bin/whisper-cli");
        paths.JfkWavPath.Should().Be("/c/npm/nodejs-whisper@0.3.1/package/cpp/whisper.cpp/bindings/go/samples/jfk.wav");
    }

    [Fact]
    public void ComputeCpuFeatureHash_IrregularWhitespaceAndSecondProcessor_HashesFirstFlagsLineTokens()
    {
        // "vmx flags" must not match, extra blanks and tabs collapse, and only the first processor counts.
        const string cpuInfo = "processor\t: 0\nvmx flags\t: ept vpid\nflags\t\t: fpu  vme\tde sse2 avx2 \n"
            + "bugs\t\t: spectre_v1\n\nprocessor\t: 1\nflags\t\t: fpu\n";

        CaptionsPaths.ComputeCpuFeatureHash(cpuInfo).Should().Be(X86FixtureHash);
    }

    [Fact]
    public void ComputeCpuFeatureHash_ArmFeaturesLine_HashesItsTokens()
    {
        CaptionsPaths.ComputeCpuFeatureHash("processor\t: 0\nFeatures\t: fp asimd evtstrm aes\n")
            .Should().Be(ArmFixtureHash);
    }

    [Fact]
    public void CpuFeatureHash_NoCpuInfoFile_HashesUnknownLikeBootstrap()
    {
        var paths = new CaptionsPaths(Env(("HOME", "/h")), Path.Combine(_tempDirectory, "absent"));

        paths.CpuFeatureHash.Should().Be(UnknownHash);
    }

    [Fact]
    public void CpuFeatureHash_ThisMachine_MatchesTheHashBootstrapWroteToEnvSh()
    {
        CaptionsPaths paths = CaptionsPaths.FromEnvironment();
        string envFile = Path.Combine(paths.CacheRoot, "env.sh");
        File.Exists(envFile).Should().BeTrue($"{envFile} is written by the bootstrap: run ./scripts/bootstrap.sh");

        string? line = File.ReadLines(envFile).FirstOrDefault(l => l.StartsWith("export CAPTIONS_CPU_HASH=", StringComparison.Ordinal));

        line.Should().Be($"export CAPTIONS_CPU_HASH={paths.CpuFeatureHash}");
    }

    [Fact]
    public void WhisperLibraryDirectory_ThisMachine_HoldsTheBootstrapBuild()
    {
        CaptionsPaths paths = CaptionsPaths.FromEnvironment();

        File.Exists(Path.Combine(paths.WhisperLibraryDirectory, "libwhisper.so")).Should()
            .BeTrue($"the bootstrap builds whisper.cpp into {paths.WhisperLibraryDirectory}: run ./scripts/bootstrap.sh");
        File.Exists(paths.WhisperCliPath).Should().BeTrue("run ./scripts/bootstrap.sh");
    }

    [Fact]
    public void JfkWavPath_ThisMachine_Is16KilohertzMonoPcmWave()
    {
        CaptionsPaths paths = CaptionsPaths.FromEnvironment();
        File.Exists(paths.JfkWavPath).Should().BeTrue($"{paths.JfkWavPath} comes from native.lock: run ./scripts/bootstrap.sh");

        byte[] header = new byte[44];
        using (FileStream stream = File.OpenRead(paths.JfkWavPath))
        {
            stream.ReadExactly(header);
        }

        System.Text.Encoding.ASCII.GetString(header, 0, 4).Should().Be("RIFF");
        System.Text.Encoding.ASCII.GetString(header, 8, 4).Should().Be("WAVE");
        BitConverter.ToInt16(header, 22).Should().Be(1, "jfk.wav is mono");
        BitConverter.ToInt32(header, 24).Should().Be(16000);
    }

    [Fact]
    public void PocketSphinxPaths_DebianPackages_PointAtModelFiles()
    {
        const string Hint = "pocketsphinx-en-us provides it: run ./scripts/bootstrap.sh";

        File.Exists(Path.Combine(CaptionsPaths.PocketSphinxAcousticModelDirectory, "mdef")).Should().BeTrue(Hint);
        File.Exists(CaptionsPaths.PocketSphinxLanguageModelPath).Should().BeTrue(Hint);
        File.Exists(CaptionsPaths.PocketSphinxDictionaryPath).Should().BeTrue(Hint);
    }

    [Fact]
    public void LibriVoxDirectory_DebianTestData_HasFiveClipsAndTranscription()
    {
        const string Hint = "pocketsphinx-testdata provides it: run ./scripts/bootstrap.sh";

        File.Exists(Path.Combine(CaptionsPaths.LibriVoxDirectory, "transcription")).Should().BeTrue(Hint);
        Directory.GetFiles(CaptionsPaths.LibriVoxDirectory, "*.wav").Should().HaveCount(5, Hint);
    }

    private string WriteCpuInfo(string text)
    {
        string path = Path.Combine(_tempDirectory, "cpuinfo");
        File.WriteAllText(path, text);
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
