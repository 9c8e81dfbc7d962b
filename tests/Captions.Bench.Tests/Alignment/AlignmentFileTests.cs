using Captions.Bench.Alignment;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Alignment;

public sealed class AlignmentFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("captions-alignfile-").FullName;

    [Fact]
    public void Write_ThenRead_SameSourceAndWordsWithTimesRoundedToMilliseconds()
    {
        string path = Path.Combine(_directory, "clip.json");
        ReferenceWord[] words = [new("and", 0.42, 0.61), new("don't", 0.6104, 1.23456), new("café", 1.3, 1.3)];

        AlignmentFile.Write(path, "test aligner (model 1+2)", words);
        AlignmentFile read = AlignmentFile.Read(path);

        read.Source.Should().Be("test aligner (model 1+2)");
        read.Words.Should().Equal(new ReferenceWord("and", 0.42, 0.61), new ReferenceWord("don't", 0.61, 1.235), new ReferenceWord("café", 1.3, 1.3));
        File.ReadAllText(path).Should().StartWith("{\"source\": \"test aligner (model 1+2)\", \"words\": [\n  {\"word\": \"and\", \"start\": 0.42, \"end\": 0.61},\n");
    }

    [Fact]
    public void Read_TheBriefsExample_Parses()
    {
        string path = Write("""{"source": "pocketsphinx forced alignment (en-us, 5prealpha)", "words": [{"word": "and", "start": 0.42, "end": 0.61}]}""");

        AlignmentFile.Read(path).Words.Should().Equal(new ReferenceWord("and", 0.42, 0.61));
    }

    [Theory]
    [InlineData("""{"source": "a", "words": [{"word": "and", "start": 0.42, "end": 0.61}""", "not valid JSON")]
    [InlineData("""[]""", "the top level is a JSON array")]
    [InlineData("""{"words": []}""", "source is missing")]
    [InlineData("""{"source": " ", "words": [{"word": "a", "start": 0, "end": 1}]}""", "source is empty")]
    [InlineData("""{"source": "a"}""", "words is missing")]
    [InlineData("""{"source": "a", "words": []}""", "words is empty")]
    [InlineData("""{"source": "a", "words": [{"word": "a", "start": 0, "end": 1}, 3]}""", "words[1] is a JSON number")]
    [InlineData("""{"source": "a", "words": [{"start": 0, "end": 1}]}""", "words[0].word is missing")]
    [InlineData("""{"source": "a", "words": [{"word": "a", "start": "0", "end": 1}]}""", "words[0].start is missing or not a number")]
    [InlineData("""{"source": "a", "words": [{"word": "a", "start": -0.5, "end": 1}]}""", "words[0].start (-0.5) is negative")]
    [InlineData("""{"source": "a", "words": [{"word": "a", "start": 2, "end": 1}]}""", "words[0].end (1) is before its start (2) for 'a'")]
    [InlineData("""{"source": "a", "words": [{"word": "a", "start": 2, "end": 3}, {"word": "b", "start": 1, "end": 3}]}""", "words[1].start (1) is before the previous word's start (2)")]
    public void Read_MalformedFile_ThrowsNamingTheFileAndTheField(string json, string problem)
    {
        string path = Write(json);

        Action act = () => AlignmentFile.Read(path);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().StartWith(path + ": ").And.Contain(problem);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNamingIt()
    {
        string path = Path.Combine(_directory, "nope.json");

        Action act = () => AlignmentFile.Read(path);

        act.Should().Throw<FileNotFoundException>().WithMessage($"*'{path}'*");
    }

    [Fact]
    public void Write_EndBeforeStart_ThrowsNamingTheWord()
    {
        Action act = () => AlignmentFile.Write(Path.Combine(_directory, "x.json"), "a", [new ReferenceWord("so", 0, 1), new ReferenceWord("my", 2, 1.5)]);

        act.Should().Throw<ArgumentException>().WithMessage("words[1]*my*");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string json)
    {
        string path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
