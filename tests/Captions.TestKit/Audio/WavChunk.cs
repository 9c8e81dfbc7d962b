namespace Captions.TestKit.Audio;

/// <summary>An extra RIFF chunk to place around fmt/data (LIST, fact, junk with odd sizes, ...).</summary>
public sealed record WavChunk(string Id, byte[] Body)
{
    /// <summary>A chunk of <paramref name="size"/> bytes of filler; odd sizes exercise the RIFF padding byte.</summary>
    public static WavChunk Filler(string id, int size) => new(id, Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray());
}
