using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.TestKit.Models;

namespace Captions.Native.Whisper.Tests;

/// <summary>Loads libwhisper once, writes the Tiny4 synthetic model once and reads jfk.wav once for the collection.</summary>
public sealed class WhisperModelFixture : IDisposable
{
    public WhisperModelFixture()
    {
        var paths = CaptionsPaths.FromEnvironment();
        if (!WhisperLibrary.TryLoad(paths.WhisperLibraryDirectory, out _, out _, out string? error))
        {
            throw new DllNotFoundException($"{error} (run ./scripts/bootstrap.sh)");
        }

        if (!File.Exists(paths.JfkWavPath))
        {
            throw new FileNotFoundException($"jfk.wav is missing at {paths.JfkWavPath}: run ./scripts/bootstrap.sh");
        }

        Paths = paths;
        Jfk = AudioFile.ReadMono16k(paths.JfkWavPath);
        Directory = Path.Combine(Path.GetTempPath(), $"captions-whisper-tests-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Tiny4Path = Path.Combine(Directory, "tiny4.bin");
        WhisperModelWriter.Write(Tiny4Path, WhisperModelDimensions.Tiny4, seed: 7);
        Factory = WhisperFactory.FromPath(Tiny4Path);
    }

    public CaptionsPaths Paths { get; }

    /// <summary>jfk.wav as 16 kHz mono floats (11 s).</summary>
    public float[] Jfk { get; }

    /// <summary>Scratch directory for model files; deleted with the fixture.</summary>
    public string Directory { get; }

    public string Tiny4Path { get; }

    public WhisperFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WhisperCollection : ICollectionFixture<WhisperModelFixture>
{
    public const string Name = "whisper";
}
