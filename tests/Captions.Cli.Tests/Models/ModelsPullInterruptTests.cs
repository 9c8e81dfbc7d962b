using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Captions.Engine.Tests.Models;

namespace Captions.Cli.Tests.Models;

/// <summary>Ctrl+C during `captions models pull` in a real child process: the partial download stays for a resume.</summary>
public sealed class ModelsPullInterruptTests : IAsyncLifetime
{
    private const int StallAt = 300_000;

    private readonly byte[] _content = LoopbackHttpServer.ModelBytes(1_000_000, seed: 5);
    private readonly LoopbackHttpServer _server = new() { StallAfterBytes = StallAt };
    private readonly string _root = Directory.CreateTempSubdirectory("captions-models-int-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Executable_InterruptedWhilePulling_KeepsPartialAndSaysHowToResume()
    {
        _server.Serve("ggml-test-model.bin", _content);
        var catalog = Path.Combine(_root, "catalog.json");
        await File.WriteAllTextAsync(catalog, JsonSerializer.Serialize(new[] { new { name = "test-model", sha1 = Convert.ToHexStringLower(SHA1.HashData(_content)) } }));
        var partial = Path.Combine(_root, "models", "ggml-test-model.bin.partial");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            ArgumentList = { CliRun.CaptionsDll, "models", "pull", "test-model" },
            Environment =
            {
                ["CAPTIONS_MODELS__DIRECTORY"] = Path.Combine(_root, "models"),
                ["CAPTIONS_MODELS__BASEURL"] = _server.BaseUrl.ToString(),
                ["CAPTIONS_MODELS__CATALOGFILE"] = catalog,
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Wait until the server has stalled the transfer (the partial holds all but at most one 64 KiB write buffer).
        var waited = Stopwatch.StartNew();
        while (!(File.Exists(partial) && new FileInfo(partial).Length >= StallAt - 65_536))
        {
            waited.Elapsed.Should().BeLessThan(CliRun.Timeout, "the download should start");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"captions exited before the download stalled: {await stderr}");
            }

            await Task.Delay(50);
        }

        // SIGTERM stands in for SIGINT when a non-interactive parent left SIGINT ignored (see CommandTests).
        var signal = SigIntIgnored(process.Id) ? "-TERM" : "-INT";
        using (var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(CliRun.Timeout);
        var error = await stderr;
        await stdout;

        process.ExitCode.Should().Be(1, error);
        error.Should().Contain($"cancelled; {partial} keeps {StallAt} bytes").And.Contain("captions models pull test-model' again to resume");
        new FileInfo(partial).Length.Should().Be(StallAt);
        File.Exists(Path.Combine(_root, "models", "ggml-test-model.bin")).Should().BeFalse();
    }

    private static bool SigIntIgnored(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0; // SIGINT is signal 2: bit 1
    }
}
