namespace Captions.Bench.Running;

/// <summary>One configuration of ours to measure: a label and how to load its engines.</summary>
/// <param name="Name">Label in tables and legends ("default", "step-500ms").</param>
/// <param name="OpenAsync">Loads the engines; an exception here marks every item of the configuration "not run".</param>
public sealed record BenchConfiguration(string Name, Func<CancellationToken, ValueTask<IBenchBackends>> OpenAsync);
