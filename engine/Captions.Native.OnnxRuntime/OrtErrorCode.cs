namespace Captions.Native.OnnxRuntime;

/// <summary>OrtErrorCode of onnxruntime_c_api.h: what kind of failure an <see cref="OnnxRuntimeException"/> carries.</summary>
public enum OrtErrorCode
{
    /// <summary>ORT_OK.</summary>
    Ok = 0,

    /// <summary>ORT_FAIL: e.g. a model file that cannot be opened or parsed.</summary>
    Fail = 1,

    /// <summary>ORT_INVALID_ARGUMENT: e.g. an input of the wrong shape or type.</summary>
    InvalidArgument = 2,

    /// <summary>ORT_NO_SUCHFILE.</summary>
    NoSuchFile = 3,

    /// <summary>ORT_NO_MODEL.</summary>
    NoModel = 4,

    /// <summary>ORT_ENGINE_ERROR.</summary>
    EngineError = 5,

    /// <summary>ORT_RUNTIME_EXCEPTION.</summary>
    RuntimeException = 6,

    /// <summary>ORT_INVALID_PROTOBUF: the file is not a valid ONNX protobuf (garbage or truncated).</summary>
    InvalidProtobuf = 7,

    /// <summary>ORT_MODEL_LOADED.</summary>
    ModelLoaded = 8,

    /// <summary>ORT_NOT_IMPLEMENTED.</summary>
    NotImplemented = 9,

    /// <summary>ORT_INVALID_GRAPH.</summary>
    InvalidGraph = 10,

    /// <summary>ORT_EP_FAIL.</summary>
    ExecutionProviderFail = 11,
}
