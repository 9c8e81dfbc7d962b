namespace Captions.Native.OnnxRuntime;

/// <summary>GraphOptimizationLevel: how much ORT rewrites the graph when a session loads.</summary>
public enum GraphOptimizationLevel
{
    /// <summary>ORT_DISABLE_ALL.</summary>
    DisableAll = 0,

    /// <summary>ORT_ENABLE_BASIC: constant folding, redundant node removal.</summary>
    Basic = 1,

    /// <summary>ORT_ENABLE_EXTENDED: adds node fusions.</summary>
    Extended = 2,

    /// <summary>ORT_ENABLE_ALL: adds layout optimisations.</summary>
    All = 99,
}
