namespace Captions.TestKit.Models;

/// <summary>The ggml tensor types <see cref="GgufWriter"/> can write (values are ggml_type).</summary>
public enum GgmlType : uint
{
    /// <summary>32-bit float.</summary>
    F32 = 0,

    /// <summary>16-bit float.</summary>
    F16 = 1,

    /// <summary>Blocks of 32: f16 scale + 16 bytes of 4-bit values (18 bytes, 4.5 bits a weight).</summary>
    Q4Zero = 2,

    /// <summary>Blocks of 32: f16 scale + 32 signed bytes (34 bytes, 8.5 bits a weight).</summary>
    Q8Zero = 8,
}
