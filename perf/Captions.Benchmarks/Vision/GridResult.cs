namespace Captions.Benchmarks.Vision;

/// <summary>One latency-grid case: frame size, text regions drawn and found, detection and recognition cost, and the pipeline run.</summary>
internal sealed record GridResult(int Width, int Height, int Regions, int Detected, double DetectMs, double RecognizeFrameMs, double RecognizeCropMs, PipelineRun Run);
