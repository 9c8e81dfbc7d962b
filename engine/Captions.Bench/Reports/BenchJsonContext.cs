using System.Text.Json.Serialization;

namespace Captions.Bench.Reports;

/// <summary>
/// Source-generated serialisation metadata for the JSON report: no reflection at run time (trim and AOT safe) and
/// one place that fixes the wire shape: camelCase names, indented, nulls written as null so "not measured" stays
/// visible, and NaN/Infinity written as the named literals rather than failing a whole run's report on one ratio.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
