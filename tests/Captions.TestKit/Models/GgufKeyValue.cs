using System.Buffers.Binary;
using System.Text;

namespace Captions.TestKit.Models;

/// <summary>
/// One GGUF metadata entry as stored: the key, its value type, and the value's bytes exactly as in the file, so a
/// writer can copy entries (the 151,936-token vocabulary, the merges) without re-encoding them.
/// </summary>
public sealed class GgufKeyValue(string key, GgufValueType type, byte[] rawValue)
{
    /// <summary>The key, e.g. tokenizer.ggml.tokens.</summary>
    public string Key { get; } = key;

    /// <summary>The value type.</summary>
    public GgufValueType Type { get; } = type;

    /// <summary>The value's encoding in the file (for arrays: item type, count, items).</summary>
    public ReadOnlyMemory<byte> RawValue { get; } = rawValue;

    /// <summary>The value as a string (type string only).</summary>
    public string AsString()
    {
        if (Type != GgufValueType.String)
        {
            throw new InvalidOperationException($"GGUF key {Key} is {Type}, not a string");
        }

        ReadOnlySpan<byte> raw = RawValue.Span;
        return Encoding.UTF8.GetString(raw.Slice(8, checked((int)BinaryPrimitives.ReadUInt64LittleEndian(raw))));
    }

    /// <summary>The value as an unsigned integer (u8/u16/u32/u64, non-negative i32).</summary>
    public ulong AsUInt64() => Type switch
    {
        GgufValueType.UInt8 => RawValue.Span[0],
        GgufValueType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(RawValue.Span),
        GgufValueType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(RawValue.Span),
        GgufValueType.Int32 => checked((ulong)BinaryPrimitives.ReadInt32LittleEndian(RawValue.Span)),
        GgufValueType.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(RawValue.Span),
        _ => throw new InvalidOperationException($"GGUF key {Key} is {Type}, not an unsigned integer"),
    };

    /// <summary>The number of items of an array value.</summary>
    public ulong ArrayLength => Type == GgufValueType.Array
        ? BinaryPrimitives.ReadUInt64LittleEndian(RawValue.Span[4..])
        : throw new InvalidOperationException($"GGUF key {Key} is {Type}, not an array");
}
