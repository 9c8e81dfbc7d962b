using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Captions.Native.OnnxRuntime;

/// <summary>A tensor of <typeparamref name="T"/> (float, long, int, byte, ... ) over a pinned managed array.</summary>
/// <typeparam name="T">An element type ONNX has: float, double, long, int, short, sbyte, byte, ushort, uint, ulong, bool, Half.</typeparam>
public sealed unsafe class OrtTensor<T> : OrtTensor
    where T : unmanaged
{
    // Pinned for the tensor's life (pinned object heap): ORT keeps the raw pointer inside the OrtValue.
    private readonly T[] _buffer;

    private OrtTensor(OrtHandle value, TensorElementType elementType, long[] shape, T[] buffer)
        : base(value, elementType, shape)
    {
        _buffer = buffer;
    }

    /// <summary>The tensor's elements, row-major; ORT reads inputs from and writes outputs to this memory.</summary>
    public Span<T> Span => _buffer;

    /// <inheritdoc />
    public override int Length => _buffer.Length;

    /// <summary>Creates a zero-filled tensor of <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">A dimension is negative, or <typeparamref name="T"/> has no ONNX element type.</exception>
    /// <exception cref="OnnxRuntimeException">ORT refused to create the value.</exception>
    public static OrtTensor<T> Create(OrtEnvironment environment, params ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(environment);
        TensorElementType elementType = ElementTypeOf();
        long count = 1;
        foreach (long dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Tensor dimensions must be >= 0, got [{string.Join(", ", shape.ToArray())}].", nameof(shape));
            }

            count = checked(count * dim);
        }

        if (count > Array.MaxLength)
        {
            throw new ArgumentException($"A tensor of [{string.Join(", ", shape.ToArray())}] has too many elements.", nameof(shape));
        }

        T[] buffer = GC.AllocateArray<T>((int)count, pinned: true);
        long[] dims = shape.ToArray();
        nint value = 0;
        fixed (long* dimsPointer = dims)
        {
            nint status = OnnxRuntimeLibrary.Api.CreateTensorWithDataAsOrtValue(
                environment.CpuMemoryInfo.DangerousGetHandle(),
                Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer)),
                (nuint)((long)buffer.Length * sizeof(T)),
                dimsPointer,
                (nuint)dims.Length,
                (int)elementType,
                &value);
            GC.KeepAlive(environment);
            OnnxRuntimeLibrary.Check(status, $"creating a {elementType}[{string.Join(", ", dims)}] tensor");
        }

        return new OrtTensor<T>(new OrtHandle(value, OrtHandleKind.Value), elementType, dims, buffer);
    }

    private static TensorElementType ElementTypeOf()
    {
        if (typeof(T) == typeof(float))
        {
            return TensorElementType.Float;
        }

        if (typeof(T) == typeof(long))
        {
            return TensorElementType.Int64;
        }

        if (typeof(T) == typeof(int))
        {
            return TensorElementType.Int32;
        }

        if (typeof(T) == typeof(byte))
        {
            return TensorElementType.UInt8;
        }

        if (typeof(T) == typeof(sbyte))
        {
            return TensorElementType.Int8;
        }

        if (typeof(T) == typeof(short))
        {
            return TensorElementType.Int16;
        }

        if (typeof(T) == typeof(ushort))
        {
            return TensorElementType.UInt16;
        }

        if (typeof(T) == typeof(uint))
        {
            return TensorElementType.UInt32;
        }

        if (typeof(T) == typeof(ulong))
        {
            return TensorElementType.UInt64;
        }

        if (typeof(T) == typeof(double))
        {
            return TensorElementType.Double;
        }

        if (typeof(T) == typeof(bool))
        {
            return TensorElementType.Bool;
        }

        if (typeof(T) == typeof(Half))
        {
            return TensorElementType.Float16;
        }

        throw new ArgumentException($"{typeof(T).Name} has no ONNX tensor element type.", nameof(T));
    }
}
