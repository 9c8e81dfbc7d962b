namespace Captions.Engine.Audio;

/// <summary>
/// Buffers for <see cref="AudioFrame"/>s: exactly <see cref="AudioFormat.FrameSamples"/> floats each, rented on the
/// capture thread and returned on whichever thread consumed the frame.
/// <para>Why not ArrayPool&lt;float&gt;.Shared: its per-core stacks hold 32 arrays each, while a pipeline keeps up to
/// 300 frames in flight (two 3 s edges). Under backpressure returns overflowed the shared pool and rents allocated
/// fresh 2 KB arrays: measured 0-700 bytes per frame, varying run to run. This pool keeps every buffer it has handed
/// out, up to <see cref="MaxRetained"/>, so steady state allocates nothing.</para>
/// Threading model: thread-safe; a lock guards a pre-sized stack (50 rents a second, never contended for long).
/// </summary>
public sealed class AudioFramePool
{
    /// <summary>4096 frames = 82 s of audio, 5 MB: far above what bounded edges can hold.</summary>
    public const int MaxRetained = 4096;

    private readonly Lock _lock = new();
    private readonly Stack<float[]> _free = new(512);

    public static AudioFramePool Shared { get; } = new();

    /// <summary>Buffers created since start (the pool's high-water mark, for tests and diagnostics).</summary>
    public long Created { get; private set; }

    public float[] Rent()
    {
        lock (_lock)
        {
            if (_free.TryPop(out var buffer))
            {
                return buffer;
            }

            Created++;
        }

        return new float[AudioFormat.FrameSamples];
    }

    public void Return(float[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Length != AudioFormat.FrameSamples)
        {
            throw new ArgumentException($"not a frame buffer: {buffer.Length} samples, expected {AudioFormat.FrameSamples}", nameof(buffer));
        }

        lock (_lock)
        {
            if (_free.Count < MaxRetained)
            {
                _free.Push(buffer);
            }
        }
    }
}
