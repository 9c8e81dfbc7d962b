namespace Captions.Native.OnnxRuntime;

/// <summary>
/// An OrtValue over a pinned managed buffer the caller owns and reuses: filling <see cref="OrtTensor{T}.Span"/>
/// and running a session moves no data and allocates nothing managed. Create once, reuse for every run.
/// </summary>
/// <remarks>Threading model: not thread-safe; one owner writes the buffer and runs the session that reads it.</remarks>
public abstract class OrtTensor : IDisposable
{
    private readonly long[] _shape;

    private protected OrtTensor(OrtHandle value, TensorElementType elementType, long[] shape)
    {
        Value = value;
        ElementType = elementType;
        _shape = shape;
    }

    /// <summary>The element type ORT sees.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>Dimensions, outermost first (fixed at creation).</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>Number of elements (product of the shape; 1 for a scalar).</summary>
    public abstract int Length { get; }

    internal OrtHandle Value { get; }

    /// <summary>Releases the OrtValue; the managed buffer goes with the object.</summary>
    public void Dispose()
    {
        Value.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>"Float[2, 1, 128]".</summary>
    public override string ToString() => $"{ElementType}[{string.Join(", ", _shape)}]";
}
