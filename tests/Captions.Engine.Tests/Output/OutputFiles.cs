using System.Text;

namespace Captions.Engine.Tests.Output;

/// <summary>A temporary directory per test, and reads of files another writer still holds open.</summary>
internal sealed class OutputFiles : IDisposable
{
    public OutputFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "captions-output-tests-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Reads what is on disk now, sharing the file with a writer that still has it open.</summary>
    public static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string ReadSharedText(string path) => Encoding.UTF8.GetString(ReadShared(path));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
