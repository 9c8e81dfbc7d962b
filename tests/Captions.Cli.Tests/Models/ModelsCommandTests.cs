using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Captions.Engine.Tests.Models;

namespace Captions.Cli.Tests.Models;

/// <summary>`captions models` in process, against a real HTTP server on 127.0.0.1 (never a real host).</summary>
public sealed class ModelsCommandTests : IAsyncLifetime
{
    private const string Verified = "test-model";
    private const string Unpublished = "test-unpublished";
    private const string WrongSum = "test-wrongsum";

    // 700,001 bytes: more than 10 reads of at most 64 KiB, so the redirected printer prints each 10% step.
    private readonly byte[] _content = LoopbackHttpServer.ModelBytes(700_001, seed: 7);
    private readonly LoopbackHttpServer _server = new();
    private readonly string _root = Directory.CreateTempSubdirectory("captions-models-cli-").FullName;

    public ModelsCommandTests()
    {
        foreach (var name in new[] { Verified, Unpublished, WrongSum })
        {
            _server.Serve($"ggml-{name}.bin", _content);
        }

        var catalog = new object[]
        {
            new { name = Verified, sha1 = Convert.ToHexStringLower(SHA1.HashData(_content)), size = "0.7 MiB" },
            new { name = Unpublished },
            new { name = WrongSum, sha1 = new string('a', 40) },
            new { name = "test-missing", sha1 = new string('b', 40) },
        };
        File.WriteAllText(CatalogFile, JsonSerializer.Serialize(catalog));
    }

    private string ModelsDirectory => Path.Combine(_root, "models");

    private string CatalogFile => Path.Combine(_root, "catalog.json");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("models")]
    [InlineData("models", "list")]
    [InlineData("models", "pull")]
    [InlineData("models", "verify")]
    public async Task Help_ModelsCommands_ExitZeroAndDescribeThemselves(params string[] command)
    {
        var result = await CliRun.InProcessAsync([.. command, "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Usage:").And.Contain("Description:");
    }

    [Fact]
    public async Task Pull_FromServer_PrintsProgressVerifiesAndListShowsIt()
    {
        var result = await RunAsync("models", "pull", Verified);

        result.ExitCode.Should().Be(0, result.ToString());
        // Reads are at most 64 KiB, under a 10% step (70,000 B), so each step gets its own redirected line.
        System.Text.RegularExpressions.Regex.Matches(result.Output, @"^\s+\d+%  ", System.Text.RegularExpressions.RegexOptions.Multiline).Should().HaveCount(10, result.Output);
        result.Output.Should().Contain("100%  683.6 KiB / 683.6 KiB").And.Contain("verified: sha1");
        File.ReadAllBytes(Path.Combine(ModelsDirectory, $"ggml-{Verified}.bin")).Should().Equal(_content);

        var list = await RunAsync("models", "list");

        list.ExitCode.Should().Be(0, list.ToString());
        list.Output.Should().MatchRegex($@"{Verified}\s+0\.7 MiB\s+sha1\s+683\.6 KiB\s+verified");
        list.Output.Should().MatchRegex(@"tiny\.en\s+75 MiB\s+sha1\s+-").And.Contain("1 installed");
    }

    [Fact]
    public async Task Pull_ConnectionDropped_SecondPullResumesWithRange()
    {
        _server.DropNextResponseAfter(300_000);

        var first = await RunAsync("models", "pull", Verified);

        first.ExitCode.Should().Be(1, first.ToString());
        first.Error.Should().Contain("connection lost after 300000 of 700001 bytes").And.Contain("run again to resume");
        (await RunAsync("models", "list")).Output.Should().MatchRegex($@"{Verified}\s+0\.7 MiB\s+sha1\s+partial 293\.0 KiB");

        var second = await RunAsync("models", "pull", Verified);

        second.ExitCode.Should().Be(0, second.ToString());
        second.Output.Should().Contain("resuming from 293.0 KiB").And.Contain("verified");
        _server.Requests.Select(r => r.Range).Should().Equal(null, "bytes=300000-");
    }

    [Fact]
    public async Task Pull_AlreadyInstalled_SaysSoWithoutDownloading()
    {
        (await RunAsync("models", "pull", Verified)).ExitCode.Should().Be(0);

        var again = await RunAsync("models", "pull", Verified);

        again.ExitCode.Should().Be(0, again.ToString());
        again.Output.Should().Contain("already installed").And.Contain("--force");
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Pull_Force_DownloadsAgain()
    {
        (await RunAsync("models", "pull", Verified)).ExitCode.Should().Be(0);

        var again = await RunAsync("models", "pull", Verified, "--force");

        again.ExitCode.Should().Be(0, again.ToString());
        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Pull_NotOnServer_ExitsOneNamingUrlAndStatus()
    {
        var result = await RunAsync("models", "pull", "test-missing");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain($"{_server.BaseUrl}ggml-test-missing.bin").And.Contain("HTTP 404");
    }

    [Fact]
    public async Task Pull_ChecksumMismatch_ExitsOneAndLeavesNoFile()
    {
        var result = await RunAsync("models", "pull", WrongSum);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain($"expected {new string('a', 40)}, actual {Convert.ToHexStringLower(SHA1.HashData(_content))}");
        Directory.EnumerateFiles(ModelsDirectory).Should().BeEmpty();
    }

    [Fact]
    public async Task Pull_NoPublishedChecksum_SaysUnverifiedAndRecordsSha256()
    {
        var result = await RunAsync("models", "pull", Unpublished);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("this download is unverified").And.Contain("UNVERIFIED");
        File.ReadAllText(Path.Combine(ModelsDirectory, $"ggml-{Unpublished}.bin.sha256"))
            .Should().StartWith(Convert.ToHexStringLower(SHA256.HashData(_content)));
    }

    [Fact]
    public async Task Pull_ConnectionRefused_SaysWhereToPutTheFile()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = await RunAsync([("CAPTIONS_MODELS__BASEURL", $"http://127.0.0.1:{port}/")], "models", "pull", Verified);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("No internet here?").And.Contain($"ggml-{Verified}.bin").And.Contain(ModelsDirectory).And.Contain("--model PATH");
    }

    [Fact]
    public async Task Verify_CorruptedFile_ExitsOneWithMismatch()
    {
        (await RunAsync("models", "pull", Verified)).ExitCode.Should().Be(0);
        (await RunAsync("models", "verify", Verified)).ExitCode.Should().Be(0);
        var path = Path.Combine(ModelsDirectory, $"ggml-{Verified}.bin");
        await using (var file = File.OpenWrite(path))
        {
            file.Position = 500_000;
            file.WriteByte((byte)(_content[500_000] ^ 0xFF));
        }

        var result = await RunAsync("models", "verify", Verified);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("MISMATCH").And.Contain("sha1 mismatch");
    }

    [Fact]
    public async Task Verify_UnpublishedModelChanged_DetectedThroughRecordedSha256()
    {
        (await RunAsync("models", "pull", Unpublished)).ExitCode.Should().Be(0);
        var path = Path.Combine(ModelsDirectory, $"ggml-{Unpublished}.bin");
        (await RunAsync("models", "verify", path)).Output.Should().Contain("recorded");
        await using (var file = File.OpenWrite(path))
        {
            file.SetLength(600_000);
        }

        var result = await RunAsync("models", "verify");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("MISMATCH").And.Contain("sha256 mismatch: recorded");
    }

    [Fact]
    public async Task Verify_UnknownName_ExitsTwo()
    {
        var result = await RunAsync("models", "verify", "no-such-model");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("unknown model 'no-such-model'");
    }

    [Fact]
    public async Task Verify_NotInstalled_ExitsOneSayingHowToGetIt()
    {
        var result = await RunAsync("models", "verify", "tiny.en");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("captions models pull tiny.en").And.Contain("ggml-tiny.en.bin").And.Contain("--model PATH");
    }

    [Fact]
    public async Task Pull_UnknownName_ExitsTwo()
    {
        var result = await RunAsync("models", "pull", "huge");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("unknown model 'huge'").And.Contain("tiny.en");
    }

    [Fact]
    public async Task List_InvalidBaseUrl_ExitsTwoNamingTheSetting()
    {
        var result = await RunAsync([("CAPTIONS_MODELS__BASEURL", "ftp://mirror/")], "models", "list");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("Models:BaseUrl").And.Contain("ftp://mirror/");
    }

    private Task<CliResult> RunAsync(params string[] args) => RunAsync([], args);

    private Task<CliResult> RunAsync((string Name, string? Value)[] overrides, params string[] args)
    {
        var environment = CliRun.ProcessEnvironment(
        [
            ("CAPTIONS_MODELS__DIRECTORY", ModelsDirectory),
            ("CAPTIONS_MODELS__BASEURL", _server.BaseUrl.ToString()),
            ("CAPTIONS_MODELS__CATALOGFILE", CatalogFile),
            .. overrides,
        ]);
        return CliRun.InProcessAsync(environment, null, args);
    }
}
