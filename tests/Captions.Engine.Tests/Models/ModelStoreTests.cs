using System.Security.Cryptography;
using Captions.Engine.Models;

namespace Captions.Engine.Tests.Models;

public sealed class ModelStoreTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("captions-store-").FullName;
    private readonly byte[] _content = LoopbackHttpServer.ModelBytes(100_003, seed: 11);
    private readonly ModelStore _store;

    public ModelStoreTests()
    {
        _store = new ModelStore(_directory, ModelCatalog.CreateDefault(extra:
        [
            new WhisperModelInfo("test-published", Sha1: Convert.ToHexStringLower(SHA1.HashData(_content))),
            new WhisperModelInfo("test-unpublished"),
        ]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Resolve_InstalledName_ReturnsItsFile()
    {
        var path = Install("ggml-test-published.bin");

        _store.Resolve("test-published").Should().Be(path);
    }

    [Fact]
    public void Resolve_NameNotInstalled_SaysHowToGetIt()
    {
        var act = () => _store.Resolve("base.en");

        act.Should().Throw<ModelNotFoundException>()
            .WithMessage($"*not installed in {_directory}*captions models pull base.en*ggml-base.en.bin*https://huggingface.co/*--model PATH*");
    }

    [Fact]
    public void Resolve_Path_ReturnsFullPathOrNamesTheMissingFile()
    {
        var path = Install("custom.bin");

        _store.Resolve(path).Should().Be(path);
        var act = () => _store.Resolve(Path.Combine(_directory, "absent.bin"));
        act.Should().Throw<ModelNotFoundException>().WithMessage("*absent.bin' does not exist*");
    }

    [Fact]
    public void Resolve_UnknownName_ListsKnownNames()
    {
        var act = () => _store.Resolve("huge");

        act.Should().Throw<UnknownModelException>().WithMessage("*unknown model 'huge'*tiny.en*");
    }

    [Fact]
    public void ListInstalled_StatesComeFromSidecarsWithoutHashing()
    {
        Install("ggml-test-published.bin");
        var unpublished = Install("ggml-test-unpublished.bin");
        ModelSidecar.Write(unpublished, new string('c', 64));
        Install("other.bin");
        Install("ggml-tiny.bin.partial");

        var installed = _store.ListInstalled();

        installed.Select(i => (Path.GetFileName(i.Path), i.Model?.Name, i.State)).Should().Equal(
            ("ggml-test-published.bin", "test-published", ModelVerificationState.Unchecked),
            ("ggml-test-unpublished.bin", "test-unpublished", ModelVerificationState.Recorded),
            ("other.bin", null, ModelVerificationState.Unchecked));
        installed[0].Length.Should().Be(_content.Length);
        _store.PartialLength(_store.Catalog.Find("tiny")!).Should().Be(_content.Length);
    }

    [Fact]
    public async Task Verify_PublishedChecksumMatches_VerifiedAndSidecarWritten()
    {
        var path = Install("ggml-test-published.bin");

        var result = await _store.VerifyAsync(path).WaitAsync(s_timeout);

        result.State.Should().Be(ModelVerificationState.Verified);
        ModelSidecar.Read(path).Should().Be(Convert.ToHexStringLower(SHA256.HashData(_content)));
        _store.ListInstalled().Single().State.Should().Be(ModelVerificationState.Verified);
    }

    [Fact]
    public async Task Verify_OneByteChanged_MismatchNamesBothSha1s()
    {
        var path = Install("ggml-test-published.bin");
        var corrupted = (byte[])_content.Clone();
        corrupted[50_000] ^= 1;
        await File.WriteAllBytesAsync(path, corrupted);

        var result = await _store.VerifyAsync(path).WaitAsync(s_timeout);

        result.State.Should().Be(ModelVerificationState.Mismatch);
        result.Detail.Should().Contain(Convert.ToHexStringLower(SHA1.HashData(_content))).And.Contain(Convert.ToHexStringLower(SHA1.HashData(corrupted)));
    }

    [Fact]
    public async Task Verify_Unpublished_RecordsFirstThenDetectsChange()
    {
        var path = Install("ggml-test-unpublished.bin");

        var first = await _store.VerifyAsync(path).WaitAsync(s_timeout);
        var second = await _store.VerifyAsync(path).WaitAsync(s_timeout);
        await File.WriteAllBytesAsync(path, _content.AsSpan(0, 90_000).ToArray());
        var third = await _store.VerifyAsync(path).WaitAsync(s_timeout);

        first.State.Should().Be(ModelVerificationState.Unchecked);
        second.State.Should().Be(ModelVerificationState.Recorded);
        third.State.Should().Be(ModelVerificationState.Mismatch);
        third.Detail.Should().Contain("sha256 mismatch: recorded");
    }

    [Fact]
    public async Task Verify_NotAGgmlFile_MismatchSaysSo()
    {
        var path = Path.Combine(_directory, "ggml-base.bin");
        await File.WriteAllTextAsync(path, "<html>404</html>");

        var result = await _store.VerifyAsync(path).WaitAsync(s_timeout);

        result.State.Should().Be(ModelVerificationState.Mismatch);
        result.Detail.Should().Contain("not a ggml model");
    }

    [Fact]
    public async Task Verify_MissingFile_ThrowsModelNotFound()
    {
        var act = async () => await _store.VerifyAsync(Path.Combine(_directory, "ggml-tiny.bin")).WaitAsync(s_timeout);

        await act.Should().ThrowAsync<ModelNotFoundException>().WithMessage("*ggml-tiny.bin' does not exist*");
    }

    private string Install(string fileName)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllBytes(path, _content);
        return path;
    }
}
