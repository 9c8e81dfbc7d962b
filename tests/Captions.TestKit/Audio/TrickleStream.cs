namespace Captions.TestKit.Audio;

/// <summary>
/// A read-only, non-seekable stream over bytes that hands out at most <c>maxRead</c> bytes per Read, like a pipe or
/// stdin: exercises readers on short reads that split samples and headers.
/// </summary>
public sealed class TrickleStream : Stream
{
    private readonly byte[] _bytes;
    private readonly int _maxRead;
    private int _position;

    public TrickleStream(byte[] bytes, int maxRead)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRead, 1);
        _bytes = bytes;
        _maxRead = maxRead;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, _maxRead), _bytes.Length - _position);
        _bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
