namespace Captions.Native.OnnxRuntime;

/// <summary>What a model declares for one input or output.</summary>
/// <param name="Name">The graph's name for it, e.g. "input".</param>
/// <param name="ElementType">Element type; <see cref="TensorElementType.Undefined"/> for a non-tensor value.</param>
/// <param name="Shape">Dimensions, outermost first; -1 for a dynamic dimension (batch, sequence length).</param>
/// <param name="SymbolicShape">The names of dynamic dimensions (empty string for fixed ones).</param>
public sealed record TensorMetadata(
    string Name,
    TensorElementType ElementType,
    IReadOnlyList<long> Shape,
    IReadOnlyList<string> SymbolicShape)
{
    /// <summary>"input: Float[-1, -1]": for error messages and `captions doctor`.</summary>
    public override string ToString() => $"{Name}: {ElementType}[{string.Join(", ", Shape)}]";
}
