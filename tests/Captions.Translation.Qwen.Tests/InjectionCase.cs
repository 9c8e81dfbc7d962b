using System.Text.Json;
using System.Text.Json.Serialization;
using Captions.Engine.Translation;

namespace Captions.Translation.Qwen.Tests;

/// <summary>One entry of Data/injection-corpus.json: caption text that tries to instruct the model.</summary>
public sealed record InjectionCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("obeyed")] string Obeyed,
    [property: JsonPropertyName("translation")] string Translation)
{
    private static readonly Lazy<IReadOnlyList<InjectionCase>> s_all = new(Load);

    public static IReadOnlyList<InjectionCase> All => s_all.Value;

    /// <summary>Case ids for [MemberData]; xunit shows the id in the test name.</summary>
    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var item in All)
            {
                data.Add(item.Id);
            }

            return data;
        }
    }

    public TranslationRequest Request => new(Text, From, To);

    public static InjectionCase Get(string id) => All.Single(c => c.Id == id);

    public override string ToString() => Id;

    private static IReadOnlyList<InjectionCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "injection-corpus.json");
        return JsonSerializer.Deserialize<List<InjectionCase>>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds no injection cases.");
    }
}
