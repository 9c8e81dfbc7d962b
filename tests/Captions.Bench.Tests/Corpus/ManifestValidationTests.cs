using Captions.Bench.Corpus;

namespace Captions.Bench.Tests.Corpus;

/// <summary>Malformed manifests fail as a whole, with a message naming the manifest, the item and the field.</summary>
public sealed class ManifestValidationTests : IDisposable
{
    private readonly CorpusScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task LoadAsync_MalformedJson_ThrowsNamingManifestAndLine()
    {
        _scratch.WriteManifest("{\n  \"name\": \"t\",\n  \"items\": [ { \"id\": \"a\" \"audio\": \"a.wav\" } ]\n}", quotes: false);

        var act = () => _scratch.LoadAsync();

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().Contain(_scratch.ManifestPath).And.Contain("malformed JSON at line 3");
    }

    [Fact]
    public async Task LoadAsync_MissingManifest_ThrowsNamingPath()
    {
        var act = () => _scratch.LoadAsync();

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().Contain(_scratch.ManifestPath).And.Contain("not found");
    }

    [Theory]
    [InlineData("{'name': 't', 'items': []}", "names nothing: 'items' is empty")]
    [InlineData("{'name': 't'}", "names nothing: field 'items' is missing")]
    [InlineData("{'name': 't', 'items': {}}", "field 'items': expected an array")]
    [InlineData("[1, 2]", "a manifest is a JSON object")]
    [InlineData("{'items': [{'id': 'a', 'audio': 'a.wav'}]}", "field 'name' is missing")]
    [InlineData("{'name': 'a b', 'items': [{'id': 'a', 'audio': 'a.wav'}]}", "field 'name': \"a b\" must be")]
    [InlineData("{'name': 't', 'itmes': []}", "unknown field 'itmes'")]
    public async Task LoadAsync_BadManifestShape_ThrowsNamingManifestAndField(string json, string expected)
    {
        _scratch.WriteManifest(json);

        var act = () => _scratch.LoadAsync();

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().StartWith(_scratch.ManifestPath).And.Contain(expected);
    }

    [Theory]
    [InlineData("{'id': 'a', 'audio': 'a.wav', 'speaker': 'x'}", "item 'a': unknown field 'speaker'")]
    [InlineData("{'id': 'a'}", "item 'a': needs exactly one audio origin", "found none")]
    [InlineData("{'id': 'a', 'audio': 'a.wav', 'synth': {'voice': 'en', 'text': 'hi'}}", "item 'a': needs exactly one audio origin", "'audio' and 'synth'")]
    [InlineData("{'audio': 'a.wav'}", "items[0]: field 'id' is missing")]
    [InlineData("{'id': 'a/b', 'audio': 'a.wav'}", "items[0]: field 'id'")]
    [InlineData("{'id': 'a', 'audio': 'a.wav', 'language': 'english'}", "item 'a': field 'language': \"english\" is not an ISO 639-1 code")]
    [InlineData("{'id': 'a', 'audio': 'a.wav', 'kind': 'fake'}", "item 'a': field 'kind': \"fake\" is not one of")]
    [InlineData("{'id': 'a', 'audio': 'a.wav', 'transcript': 'x', 'transcriptFile': 'x.txt'}", "item 'a': give 'transcript' or 'transcriptFile', not both")]
    [InlineData("{'id': 'a', 'audio': '{nowhere}/a.wav'}", "item 'a': field 'audio': unknown placeholder")]
    [InlineData("{'id': 'a', 'audio': 42}", "item 'a': field 'audio': expected a WAV file path, got the number 42")]
    [InlineData("{'id': 'a', 'synth': {'voice': 'en'}}", "item 'a': field 'synth': field 'text' is missing")]
    [InlineData("{'id': 'a', 'synth': {'voice': 'en', 'text': '?!'}}", "item 'a': field 'synth.text'", "no words")]
    [InlineData("{'id': 'a', 'synth': {'voice': 'en', 'text': 'hi', 'rate': 2}}", "item 'a': field 'synth': unknown field 'rate'")]
    [InlineData("{'id': 'a', 'synth': {'voice': 'xyz', 'text': 'hi'}}", "item 'a': field 'language': cannot tell the language of voice \"xyz\"")]
    [InlineData("{'id': 'a', 'synth': {'voice': 'en', 'text': 'hi'}, 'alignment': 'x.json'}", "item 'a': field 'alignment': only 'audio' items")]
    [InlineData("{'id': 'a', 'mix': {'from': 'nobody', 'noise': 'pink'}}", "item 'a': field 'mix.from': no item has id 'nobody'")]
    [InlineData("{'id': 'a', 'mix': {'from': 'a', 'noise': 'pink'}}", "item 'a': field 'mix.from': reference cycle a -> a")]
    [InlineData("{'id': 'a', 'mix': {'from': 'b', 'noise': 'grey'}}", "item 'a': field 'mix.noise': \"grey\" is not one of white, pink, brown")]
    [InlineData("{'id': 'a', 'mix': {'from': 'b'}}", "item 'a': field 'mix': adds neither 'noise' nor 'gaps'")]
    [InlineData("{'id': 'a', 'mix': {'from': 'b', 'snrDb': 3, 'gaps': [{'after': 0, 'seconds': 1}]}}", "item 'a': field 'mix.snrDb': there is no 'noise'")]
    [InlineData("{'id': 'a', 'mix': {'from': 'b', 'gaps': [{'after': -1, 'seconds': 1}]}}", "item 'a': field 'mix.gaps[0].after'")]
    [InlineData("{'id': 'a', 'mix': {'from': 'b', 'gaps': [{'after': 0, 'seconds': '2'}]}}", "item 'a': field 'mix.gaps[0].seconds': expected a number")]
    [InlineData("{'id': 'a', 'session': {'from': ['b'], 'minutes': 0}}", "item 'a': field 'session.minutes': 0 is out of range")]
    [InlineData("{'id': 'a', 'session': {'from': [], 'minutes': 1}}", "item 'a': field 'session.from': expected a non-empty array")]
    [InlineData("{'id': 'a', 'session': {'from': ['b', 'ghost'], 'minutes': 1}}", "item 'a': field 'session.from': no item has id 'ghost'")]
    public async Task LoadAsync_BadItem_ThrowsNamingManifestItemAndField(string item, string expected, string? alsoExpected = null)
    {
        _scratch.WriteManifest($"{{'name': 't', 'items': [{item}, {{'id': 'b', 'synth': {{'voice': 'en', 'text': 'hello'}}}}]}}");

        var act = () => _scratch.LoadAsync();

        var message = (await act.Should().ThrowAsync<CorpusException>()).Which.Message;
        message.Should().StartWith(_scratch.ManifestPath).And.Contain(expected);
        if (alsoExpected is not null)
        {
            message.Should().Contain(alsoExpected);
        }
    }

    [Fact]
    public async Task LoadAsync_DuplicateIds_ThrowsNamingTheId()
    {
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'audio': 'x.wav'}, {'id': 'a', 'audio': 'y.wav'}]}");

        var act = () => _scratch.LoadAsync();

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().Contain($"{_scratch.ManifestPath}: item 'a' (items[1]): field 'id': duplicate id");
    }

    [Fact]
    public async Task LoadAsync_SessionOfTwoLanguagesWithoutLanguage_ThrowsAskingForOne()
    {
        _scratch.WriteManifest("""
            {'name': 't', 'items': [
              {'id': 'e', 'synth': {'voice': 'en', 'text': 'hello'}},
              {'id': 's', 'synth': {'voice': 'es', 'text': 'hola'}},
              {'id': 'long', 'session': {'from': ['e', 's'], 'minutes': 1}}]}
            """);

        var act = () => _scratch.LoadAsync();

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().Contain("item 'long': field 'language': the session's sources speak en, es");
    }

    [Fact]
    public async Task LoadAsync_IncludeCycle_ThrowsNamingTheChain()
    {
        _scratch.WriteManifest("{'name': 't', 'include': 'other/manifest.json', 'items': [{'id': 'a', 'audio': 'a.wav'}]}");
        _scratch.WriteFile("other/manifest.json", "{\"name\": \"o\", \"include\": \"../manifest.json\", \"items\": [{\"id\": \"b\", \"audio\": \"b.wav\"}]}");

        var act = () => _scratch.LoadAsync();

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().Contain("field 'include'").And.Contain("includes itself");
    }

    [Fact]
    public async Task LoadAsync_EspeakNgMissing_ThrowsNamingThePackage()
    {
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'synth': {'voice': 'en', 'text': 'hello'}}]}");

        var act = () => _scratch.LoadAsync(_scratch.Options with { EspeakNgExecutable = "/nonexistent/espeak-ng" });

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().Contain("item 'a'").And.Contain("install the Debian package 'espeak-ng'");
    }

    [Fact]
    public async Task LoadAsync_SoxMissingForNoisyMix_ThrowsNamingThePackage()
    {
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'synth': {'voice': 'en', 'text': 'hello'}}, {'id': 'b', 'mix': {'from': 'a', 'noise': 'white'}}]}");

        var act = () => _scratch.LoadAsync(_scratch.Options with { SoxExecutable = "/nonexistent/sox" });

        (await act.Should().ThrowAsync<CorpusException>())
            .Which.Message.Should().Contain("item 'b'").And.Contain("install the Debian package 'sox'");
    }
}
