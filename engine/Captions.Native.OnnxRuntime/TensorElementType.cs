namespace Captions.Native.OnnxRuntime;

/// <summary>ONNXTensorElementDataType: the element type of a tensor input or output.</summary>
public enum TensorElementType
{
    /// <summary>Not a tensor, or a type this binding does not name.</summary>
    Undefined = 0,

    /// <summary>float.</summary>
    Float = 1,

    /// <summary>byte.</summary>
    UInt8 = 2,

    /// <summary>sbyte.</summary>
    Int8 = 3,

    /// <summary>ushort.</summary>
    UInt16 = 4,

    /// <summary>short.</summary>
    Int16 = 5,

    /// <summary>int.</summary>
    Int32 = 6,

    /// <summary>long.</summary>
    Int64 = 7,

    /// <summary>string (not supported by <see cref="OrtTensor{T}"/>).</summary>
    String = 8,

    /// <summary>bool.</summary>
    Bool = 9,

    /// <summary>IEEE half.</summary>
    Float16 = 10,

    /// <summary>double.</summary>
    Double = 11,

    /// <summary>uint.</summary>
    UInt32 = 12,

    /// <summary>ulong.</summary>
    UInt64 = 13,
}
