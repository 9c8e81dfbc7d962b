using Captions.Native.HarfBuzz.Interop;

namespace Captions.Native.HarfBuzz;

/// <summary>An hb_blob_t: font file bytes, memory-mapped by HarfBuzz.</summary>
public sealed class Blob : IDisposable
{
    private Blob(HarfBuzzHandle handle) => Handle = handle;

    public int Length => (int)NativeMethods.hb_blob_get_length(Handle.DangerousGetHandle());

    internal HarfBuzzHandle Handle { get; }

    /// <summary>Maps a font file; throws <see cref="FileNotFoundException"/> or <see cref="HarfBuzzException"/> naming it.</summary>
    public static Blob FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        HarfBuzzNativeLibrary.EnsureLoaded();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"font file '{path}' does not exist", path);
        }

        nint blob = NativeMethods.hb_blob_create_from_file_or_fail(path);
        if (blob == 0)
        {
            throw new HarfBuzzException($"HarfBuzz could not read font file '{path}'");
        }

        return new Blob(new HarfBuzzHandle(blob, HarfBuzzObjectKind.Blob));
    }

    public void Dispose() => Handle.Dispose();
}
