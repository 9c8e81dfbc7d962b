using System.Text;

namespace Captions.TestKit.Models;

/// <summary>
/// Reads a GGUF v3 file's metadata (all key/values, raw) and tensor count: enough to copy a real tokenizer into a
/// synthetic model. Tensor infos and data are not read.
/// </summary>
public static class GgufReader
{
    private static readonly byte[] s_magic = "GGUF"u8.ToArray();

    /// <summary>Reads the key/values of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Not a GGUF v2/v3 file, or cut short.</exception>
    public static GgufMetadata Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(4).AsSpan().SequenceEqual(s_magic))
            {
                throw new InvalidDataException($"'{path}' does not start with \"GGUF\"");
            }

            uint version = reader.ReadUInt32();
            if (version is not (2 or 3))
            {
                throw new InvalidDataException($"'{path}' is GGUF version {version}; this reader knows 2 and 3");
            }

            ulong tensorCount = reader.ReadUInt64();
            ulong kvCount = reader.ReadUInt64();
            var entries = new List<GgufKeyValue>(checked((int)kvCount));
            for (ulong i = 0; i < kvCount; i++)
            {
                string key = ReadString(reader);
                var type = (GgufValueType)reader.ReadUInt32();
                long start = stream.Position;
                SkipValue(reader, type);
                long end = stream.Position;
                stream.Position = start;
                byte[] raw = reader.ReadBytes(checked((int)(end - start)));
                entries.Add(new GgufKeyValue(key, type, raw));
            }

            return new GgufMetadata(version, tensorCount, entries);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"'{path}' ends inside its GGUF metadata", ex);
        }
    }

    private static string ReadString(BinaryReader reader)
    {
        ulong length = reader.ReadUInt64();
        return Encoding.UTF8.GetString(reader.ReadBytes(checked((int)length)));
    }

    private static void SkipValue(BinaryReader reader, GgufValueType type)
    {
        switch (type)
        {
            case GgufValueType.String:
                reader.BaseStream.Seek(checked((long)reader.ReadUInt64()), SeekOrigin.Current);
                break;
            case GgufValueType.Array:
                var itemType = (GgufValueType)reader.ReadUInt32();
                ulong count = reader.ReadUInt64();
                if (itemType is GgufValueType.String or GgufValueType.Array)
                {
                    for (ulong i = 0; i < count; i++)
                    {
                        SkipValue(reader, itemType);
                    }
                }
                else
                {
                    reader.BaseStream.Seek(checked((long)count * ScalarSize(itemType)), SeekOrigin.Current);
                }

                break;
            default:
                reader.BaseStream.Seek(ScalarSize(type), SeekOrigin.Current);
                break;
        }
    }

    private static int ScalarSize(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 => 8,
        _ => throw new InvalidDataException($"unknown GGUF value type {(uint)type}"),
    };
}
