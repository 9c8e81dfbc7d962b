using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Captions.Engine.Models;

namespace Captions.Engine.Tests.Models;

public sealed class ModelDownloaderTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    // 1,234,567 bytes: ~19 reads of 64 KiB, and not a multiple of any buffer size.
    private readonly byte[] _content = LoopbackHttpServer.ModelBytes(1_234_567, seed: 3);
    private readonly LoopbackHttpServer _server = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly string _directory = Directory.CreateTempSubdirectory("captions-models-").FullName;
    private readonly WhisperModelInfo _model;

    public ModelDownloaderTests()
    {
        _model = new WhisperModelInfo("test-tiny", Sha1: Convert.ToHexStringLower(SHA1.HashData(_content)));
        _server.Serve(_model.FileName, _content);
    }

    private string Destination => Path.Combine(_directory, _model.FileName);

    private Uri Url => new(_server.BaseUrl, _model.FileName);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Download_WholeFile_ReportsProgressVerifiesAndRenames()
    {
        var reports = new List<ModelDownloadProgress>();

        var result = await new ModelDownloader(_http).DownloadAsync(Url, Destination, _model, reports.Add).WaitAsync(s_timeout);

        result.State.Should().Be(ModelVerificationState.Verified);
        File.ReadAllBytes(Destination).Should().Equal(_content);
        File.Exists(Destination + ".partial").Should().BeFalse();
        ModelSidecar.Read(Destination).Should().Be(Convert.ToHexStringLower(SHA256.HashData(_content)));
        reports.Should().HaveCountGreaterThan(2);
        reports.Select(r => r.BytesReceived).Should().BeInAscendingOrder();
        reports[^1].BytesReceived.Should().Be(_content.Length);
        reports.Should().OnlyContain(r => r.TotalBytes == _content.Length);
        _server.Requests.Should().ContainSingle().Which.Range.Should().BeNull();
    }

    [Fact]
    public async Task Download_ConnectionDroppedMidway_KeepsPartialAndNextRunResumesWithRange()
    {
        _server.DropNextResponseAfter(500_000);
        var downloader = new ModelDownloader(_http);

        var first = async () => await downloader.DownloadAsync(Url, Destination, _model).WaitAsync(s_timeout);

        (await first.Should().ThrowAsync<ModelDownloadException>()).Which.Failure.Should().Be(ModelDownloadFailure.Interrupted);
        new FileInfo(Destination + ".partial").Length.Should().Be(500_000);
        File.Exists(Destination).Should().BeFalse();

        var reports = new List<ModelDownloadProgress>();
        var result = await downloader.DownloadAsync(Url, Destination, _model, reports.Add).WaitAsync(s_timeout);

        result.ResumedFrom.Should().Be(500_000);
        result.State.Should().Be(ModelVerificationState.Verified);
        File.ReadAllBytes(Destination).Should().Equal(_content);
        _server.Requests.Select(r => r.Range).Should().Equal(null, "bytes=500000-");
        reports[0].BytesReceived.Should().Be(500_000);
    }

    [Fact]
    public async Task Download_ServerIgnoresRange_RestartsFromZero()
    {
        await File.WriteAllBytesAsync(Destination + ".partial", _content.AsSpan(0, 300_000).ToArray());
        _server.IgnoreRange = true;

        var result = await new ModelDownloader(_http).DownloadAsync(Url, Destination, _model).WaitAsync(s_timeout);

        _server.Requests.Should().ContainSingle().Which.Range.Should().Be("bytes=300000-");
        result.ResumedFrom.Should().Be(0);
        File.ReadAllBytes(Destination).Should().Equal(_content);
    }

    [Fact]
    public async Task Download_PartialAlreadyComplete_416FinishesWithoutBody()
    {
        await File.WriteAllBytesAsync(Destination + ".partial", _content);

        var result = await new ModelDownloader(_http).DownloadAsync(Url, Destination, _model).WaitAsync(s_timeout);

        result.State.Should().Be(ModelVerificationState.Verified);
        File.ReadAllBytes(Destination).Should().Equal(_content);
    }

    [Fact]
    public async Task Download_PartialLongerThanFile_RestartsOnceAndCompletes()
    {
        await File.WriteAllBytesAsync(Destination + ".partial", new byte[_content.Length + 10]);

        var result = await new ModelDownloader(_http).DownloadAsync(Url, Destination, _model).WaitAsync(s_timeout);

        _server.Requests.Select(r => r.Range).Should().Equal($"bytes={_content.Length + 10}-", null);
        File.ReadAllBytes(Destination).Should().Equal(_content);
        result.ResumedFrom.Should().Be(0);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "404")]
    [InlineData(HttpStatusCode.InternalServerError, "500")]
    public async Task Download_ErrorStatus_NamesUrlAndStatus(HttpStatusCode status, string code)
    {
        _server.ForcedStatus = status;

        var act = async () => await new ModelDownloader(_http).DownloadAsync(Url, Destination, _model).WaitAsync(s_timeout);

        var error = (await act.Should().ThrowAsync<ModelDownloadException>()).Which;
        error.Failure.Should().Be(ModelDownloadFailure.HttpStatus);
        error.Message.Should().Contain(Url.ToString()).And.Contain($"HTTP {code}");
        File.Exists(Destination).Should().BeFalse();
    }

    [Fact]
    public async Task Download_ChecksumMismatch_DeletesPartialAndNamesBothHashes()
    {
        var wrong = _model with { Sha1 = new string('0', 40) };

        var act = async () => await new ModelDownloader(_http).DownloadAsync(Url, Destination, wrong).WaitAsync(s_timeout);

        var error = (await act.Should().ThrowAsync<ModelDownloadException>()).Which;
        error.Failure.Should().Be(ModelDownloadFailure.ChecksumMismatch);
        error.Message.Should().Contain(wrong.Sha1).And.Contain(_model.Sha1!);
        File.Exists(Destination + ".partial").Should().BeFalse();
        File.Exists(Destination).Should().BeFalse();
    }

    [Fact]
    public async Task Download_NoPublishedChecksum_RecordsSha256AndSaysUnverified()
    {
        var unpublished = new WhisperModelInfo("test-tiny");

        var result = await new ModelDownloader(_http).DownloadAsync(Url, Destination, unpublished).WaitAsync(s_timeout);

        result.State.Should().Be(ModelVerificationState.Recorded);
        ModelSidecar.Read(Destination).Should().Be(result.Hashes.Sha256);
    }

    [Fact]
    public async Task Download_ConnectionRefused_SaysWhereToPutTheFile()
    {
        // A port that was free a moment ago and has no listener: connect is refused at once.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = new Uri($"http://127.0.0.1:{port}/models/{_model.FileName}");

        var act = async () => await new ModelDownloader(_http).DownloadAsync(url, Destination, _model).WaitAsync(s_timeout);

        var error = (await act.Should().ThrowAsync<ModelDownloadException>()).Which;
        error.Failure.Should().Be(ModelDownloadFailure.Unreachable);
        error.Message.Should().Contain("No internet here?").And.Contain(_model.FileName).And.Contain(_directory).And.Contain("--model PATH");
        error.InnerException.Should().BeOfType<HttpRequestException>().Which.InnerException.Should().BeOfType<SocketException>();
    }

    [Fact]
    public async Task Download_CancelledMidway_KeepsPartialForResume()
    {
        _server.StallAfterBytes = 400_000;
        using var cancel = new CancellationTokenSource();
        void CancelAtStall(ModelDownloadProgress p)
        {
            if (p.BytesReceived >= 400_000)
            {
                cancel.Cancel();
            }
        }

        var act = async () => await new ModelDownloader(_http).DownloadAsync(Url, Destination, _model, CancelAtStall, cancel.Token).WaitAsync(s_timeout);

        await act.Should().ThrowAsync<OperationCanceledException>();
        new FileInfo(Destination + ".partial").Length.Should().Be(400_000);
    }

    [Fact]
    public async Task Download_ServerStalls_FailsWithStallAndKeepsPartial()
    {
        _server.StallAfterBytes = 200_000;

        var act = async () => await new ModelDownloader(_http, stallTimeout: TimeSpan.FromSeconds(2)).DownloadAsync(Url, Destination, _model).WaitAsync(s_timeout);

        var error = (await act.Should().ThrowAsync<ModelDownloadException>()).Which;
        error.Failure.Should().Be(ModelDownloadFailure.Stalled);
        error.Message.Should().Contain("run again to resume");
        new FileInfo(Destination + ".partial").Length.Should().Be(200_000);
    }

    [Fact]
    public async Task Download_DestinationFolderIsAFile_FailsAsDiskError()
    {
        var blocker = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");

        var act = async () => await new ModelDownloader(_http).DownloadAsync(Url, Path.Combine(blocker, _model.FileName), _model).WaitAsync(s_timeout);

        (await act.Should().ThrowAsync<ModelDownloadException>()).Which.Failure.Should().Be(ModelDownloadFailure.Disk);
    }
}
