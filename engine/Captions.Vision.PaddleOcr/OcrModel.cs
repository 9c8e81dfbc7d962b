using Captions.Native.OnnxRuntime;

namespace Captions.Vision.PaddleOcr;

/// <summary>Loads one PP-OCR ONNX model and checks it has the single image input and single output expected.</summary>
internal static class OcrModel
{
    /// <summary>Opens <paramref name="path"/> as the <paramref name="role"/> model ("detection", ...).</summary>
    /// <exception cref="OcrModelException">Missing, unloadable, or not shaped like a PP-OCR <paramref name="role"/> model.</exception>
    public static InferenceSession Load(OrtEnvironment environment, string path, string role, int outputRank, InferenceSessionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new OcrModelException(fullPath, $"PP-OCR {role} model '{fullPath}' does not exist: run ./scripts/bootstrap.sh");
        }

        InferenceSession session;
        try
        {
            session = new InferenceSession(environment, fullPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OcrModelException(
                fullPath, $"PP-OCR {role} model '{fullPath}' cannot be loaded (truncated, corrupt or not ONNX?): {ex.OrtMessage}", ex);
        }

        if (session.Inputs.Count != 1 || session.Outputs.Count != 1
            || session.Inputs[0].ElementType != TensorElementType.Float || session.Inputs[0].Shape.Count != 4
            || (session.Inputs[0].Shape[1] is not (3 or -1))
            || session.Outputs[0].ElementType != TensorElementType.Float || session.Outputs[0].Shape.Count != outputRank)
        {
            string declared = session.ToString();
            session.Dispose();
            throw new OcrModelException(
                fullPath,
                $"'{fullPath}' is not a PP-OCR {role} model: expected one float [N, 3, H, W] input and one rank-{outputRank} float output; it declares {declared}.");
        }

        return session;
    }
}
