using Captions.Bench.Reports;

namespace Captions.Bench.Running;

/// <summary>The raw samples behind one item's <see cref="RunMetrics"/>, kept so a configuration can pool them.</summary>
internal sealed record ItemSamples(
    ItemRun Run,
    IReadOnlyList<double> FirstPartials,
    IReadOnlyList<double> TranslationLags,
    IReadOnlyList<double> PresentedLags,
    IReadOnlyList<double> AverageLaggings,
    IReadOnlyList<double> Laals,
    long ErasedCharacters,
    long CommittedCharacters);
