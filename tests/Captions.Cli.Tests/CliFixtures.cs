using Captions.TestKit.Audio;

namespace Captions.Cli.Tests;

/// <summary>Real recordings and generated WAV files for CLI tests, in a temporary folder per test class.</summary>
internal sealed class CliFixtures : IDisposable
{
    public const string LibriVox = "/usr/share/pocketsphinx/test/data/librivox";

    public CliFixtures()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("captions-cli-").FullName;
    }

    public string Directory { get; }

    public static string Clip(string id = "0880")
    {
        var path = Path.Combine(LibriVox, $"sense_and_sensibility_01_austen_64kb-{id}.wav");
        File.Exists(path).Should().BeTrue($"{path} comes from Debian pocketsphinx-testdata: run ./scripts/bootstrap.sh");
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public string Wav(string name, WavSampleFormat format, WavFixtureOptions? options = null, double seconds = 0.5)
    {
        var signal = TestSignal.Sine(440, 16_000, (int)(16_000 * seconds));
        return WavFixture.Write(PathOf(name), signal, 16_000, 1, format, options);
    }

    /// <summary>Writes the given LibriVox clips back to back as one 16 kHz mono WAV.</summary>
    public string Concatenate(string name, IEnumerable<string> clipIds)
    {
        var samples = new List<float>();
        foreach (var id in clipIds)
        {
            samples.AddRange(Captions.Engine.Audio.AudioFile.ReadMono16k(Clip(id)));
        }

        return WavFixture.Write(PathOf(name), samples.ToArray(), 16_000, 1, WavSampleFormat.Pcm16);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
