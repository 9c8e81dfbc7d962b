namespace Captions.Bench.Reports;

/// <summary>One configuration of ours (recogniser, VAD, translator, step) over the corpus.</summary>
/// <param name="Name">Short label for tables and chart legends ("default", "step-500ms").</param>
/// <param name="Description">Backends in one line ("sphinx recogniser, energy VAD, apertium en->es").</param>
public sealed record ConfigurationRun(string Name, string Description, IReadOnlyList<ItemRun> Items, RunMetrics Summary);
