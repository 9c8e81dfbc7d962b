namespace Captions.Native.OnnxRuntime;

/// <summary>OrtLoggingLevel: the least severe ORT log message that reaches the logger.</summary>
public enum OrtLoggingLevel
{
    /// <summary>ORT_LOGGING_LEVEL_VERBOSE.</summary>
    Verbose = 0,

    /// <summary>ORT_LOGGING_LEVEL_INFO.</summary>
    Info = 1,

    /// <summary>ORT_LOGGING_LEVEL_WARNING.</summary>
    Warning = 2,

    /// <summary>ORT_LOGGING_LEVEL_ERROR.</summary>
    Error = 3,

    /// <summary>ORT_LOGGING_LEVEL_FATAL.</summary>
    Fatal = 4,
}
