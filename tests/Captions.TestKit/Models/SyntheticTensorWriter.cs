using System.Text;

namespace Captions.TestKit.Models;

/// <summary>Writes one ggml tensor record at a time with deterministic random contents.</summary>
internal sealed class SyntheticTensorWriter(BinaryWriter writer, Random random, bool float16, string? wrongShapeTensor)
{
    private const int TypeF32 = 0;
    private const int TypeF16 = 1;

    /// <summary>Weight matrix: f16 in an f16 model. Scale ~1/sqrt(fan-in) keeps activations bounded.</summary>
    public void Matrix(string name, int columns, int rows) =>
        Write(name, float16 ? TypeF16 : TypeF32, 1f / MathF.Sqrt(columns), 0f, columns, rows);

    /// <summary>Convolution kernel [k, in, out]: f16 unless the model is all f32.</summary>
    public void Convolution(string name, int kernel, int inputs, int outputs) =>
        Write(name, float16 ? TypeF16 : TypeF32, 1f / MathF.Sqrt(kernel * inputs), 0f, kernel, inputs, outputs);

    /// <summary>f32 tensor of small random values (positional embeddings).</summary>
    public void Vector(string name, float scale, params int[] shape) => Write(name, TypeF32, scale, 0f, shape);

    /// <summary>f32 bias: small random values.</summary>
    public void Bias(string name, params int[] shape) => Write(name, TypeF32, 0.02f, 0f, shape);

    /// <summary>LayerNorm weight (~1) and bias (~0), as <paramref name="prefix"/>.weight / .bias.</summary>
    public void Norm(string prefix, int size)
    {
        Write(prefix + ".weight", TypeF32, 0.05f, 1f, size);
        Write(prefix + ".bias", TypeF32, 0.02f, 0f, size);
    }

    private void Write(string name, int type, float scale, float offset, params int[] shape)
    {
        if (string.Equals(name, wrongShapeTensor, StringComparison.Ordinal))
        {
            shape = [.. shape];
            shape[^1] += 1;
        }

        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        writer.Write(shape.Length);
        writer.Write(nameBytes.Length);
        writer.Write(type);
        long count = 1;
        foreach (int extent in shape)
        {
            writer.Write(extent);
            count *= extent;
        }

        writer.Write(nameBytes);
        for (long i = 0; i < count; i++)
        {
            // Uniform in [-scale, scale] around offset: random weights, reproducible from the seed.
            float value = offset + (scale * ((2f * random.NextSingle()) - 1f));
            if (type == TypeF16)
            {
                writer.Write((Half)value);
            }
            else
            {
                writer.Write(value);
            }
        }
    }
}
