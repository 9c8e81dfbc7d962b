using Captions.Engine.Metrics;
using System.Runtime.InteropServices;

namespace Captions.Speech.Sphinx.Tests;

[CollectionDefinition(nameof(NativeOutputTests), DisableParallelization = true)]
public sealed class NativeOutputCollection
{
}

/// <summary>
/// pocketsphinx writes ~150 lines to stderr per decoder by default. These tests point the process's real fd 1 and
/// fd 2 at files while a decoder loads and decodes, and check nothing native reached them.
/// </summary>
[Collection(nameof(NativeOutputTests))]
public sealed partial class NativeOutputTests
{
    [Fact]
    public void Recognizer_LoadDecodeDispose_WritesNothingToStdoutOrStderr()
    {
        float[] samples = ReferenceCorpus.Load()[1].ReadMono16k();

        (string stdout, string stderr) = CaptureNativeOutput(() =>
        {
            using var recognizer = new SphinxRecognizer();
            RecognizerRun.Feed(recognizer, samples).Final.Text.Should().NotBeEmpty();
        });

        stdout.Should().BeEmpty();
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void CaptureNativeOutput_NativeWriteToStderr_IsSeen()
    {
        // Proves the capture itself works, so the test above cannot pass vacuously.
        (_, string stderr) = CaptureNativeOutput(() => Write(2, "native\n"u8.ToArray(), 7));

        stderr.Should().Be("native\n");
    }

    private static (string Stdout, string Stderr) CaptureNativeOutput(Action action)
    {
        string outPath = Path.GetTempFileName();
        string errPath = Path.GetTempFileName();
        int savedOut = Dup(1);
        int savedErr = Dup(2);
        int outFd = Open(outPath, 1 /* O_WRONLY */);
        int errFd = Open(errPath, 1);
        try
        {
            Dup2(outFd, 1);
            Dup2(errFd, 2);
            action();
        }
        finally
        {
            Dup2(savedOut, 1);
            Dup2(savedErr, 2);
            Close(outFd);
            Close(errFd);
            Close(savedOut);
            Close(savedErr);
        }

        (string, string) captured = (File.ReadAllText(outPath), File.ReadAllText(errPath));
        File.Delete(outPath);
        File.Delete(errPath);
        return captured;
    }

    [LibraryImport("libc.so.6", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc.so.6", EntryPoint = "dup2")]
    private static partial int Dup2(int fd, int target);

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc.so.6", EntryPoint = "write")]
    private static partial nint Write(int fd, byte[] buffer, nint count);
}
