namespace Captions.Native.OnnxRuntime;

/// <summary>An OrtStatus that was not OK, turned into an exception naming the operation and the model file.</summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates an exception with a message only (no ORT status behind it).</summary>
    public OnnxRuntimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from a failed ORT call.</summary>
    /// <param name="errorCode">The status's error code.</param>
    /// <param name="ortMessage">ORT's own message, kept verbatim so callers can show it.</param>
    /// <param name="operation">What was being done, e.g. "loading the model".</param>
    /// <param name="modelPath">The model involved, or null when none is.</param>
    public OnnxRuntimeException(OrtErrorCode errorCode, string ortMessage, string operation, string? modelPath)
        : base(FormatMessage(errorCode, ortMessage, operation, modelPath))
    {
        ErrorCode = errorCode;
        OrtMessage = ortMessage;
        ModelPath = modelPath;
    }

    /// <summary>Creates an exception with no ORT status behind it.</summary>
    public OnnxRuntimeException()
    {
    }

    /// <summary>The status's error code, or <see cref="OrtErrorCode.Ok"/> when the error did not come from ORT.</summary>
    public OrtErrorCode ErrorCode { get; }

    /// <summary>ORT's own message, or empty when the error did not come from ORT.</summary>
    public string OrtMessage { get; } = string.Empty;

    /// <summary>The model file involved, or null.</summary>
    public string? ModelPath { get; }

    private static string FormatMessage(OrtErrorCode errorCode, string ortMessage, string operation, string? modelPath) =>
        modelPath is null
            ? $"ONNX Runtime failed {operation} ({errorCode}): {ortMessage}"
            : $"ONNX Runtime failed {operation} for model '{modelPath}' ({errorCode}): {ortMessage}";
}
