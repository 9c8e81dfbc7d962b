using System.Text.Json.Serialization;

namespace Captions.Bench.Reports;

/// <summary>
/// Source-generated serialisation metadata for the JSON report: no reflection at run time (trim and AOT safe) and
/// one place that fixes the wire shape: camelCase names, compact (indenting made a two-configuration hour 27 MB
/// instead of ~15; `jq .` indents on demand), nulls written as null so "not measured" stays
/// visible, and NaN/Infinity written as the named literals rather than failing a whole run's report on one ratio.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
