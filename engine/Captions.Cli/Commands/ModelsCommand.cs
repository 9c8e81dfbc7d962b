using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Captions.Cli.Configuration;
using Captions.Engine.Hosting;
using Captions.Engine.Models;

namespace Captions.Cli.Commands;

/// <summary>`captions models list|pull|verify`: the ggml Whisper models on this machine and how to get them.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context) =>
        new("models", "List, download and verify ggml Whisper models")
        {
            ModelsListCommand.Create(context),
            ModelsPullCommand.Create(context),
            ModelsVerifyCommand.Create(context),
        };

    /// <summary>The store the settings describe: Models:Directory (default $CACHE/models), Models:BaseUrl, Models:CatalogFile.</summary>
    /// <exception cref="SettingsException">A Models setting is invalid.</exception>
    public static ModelStore OpenStore(CliContext context, CaptionsSettings settings)
    {
        if (!Uri.TryCreate(settings.Models.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new SettingsException($"setting Models:BaseUrl = '{settings.Models.BaseUrl}' is invalid: expected an absolute http(s) URL");
        }

        var extra = settings.Models.CatalogFile is { Length: > 0 } file ? ReadCatalogFile(file) : [];
        ModelCatalog catalog;
        try
        {
            catalog = ModelCatalog.CreateDefault(baseUrl, extra);
        }
        catch (ArgumentException ex)
        {
            throw new SettingsException($"setting Models:CatalogFile = '{settings.Models.CatalogFile}' is invalid: {ex.Message}", ex);
        }

        var directory = settings.Models.Directory is { Length: > 0 } configured
            ? configured
            : ModelStore.DefaultDirectory(new CaptionsPaths(name => context.Environment.GetValueOrDefault(name)));
        return new ModelStore(directory, catalog);
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    public static string Describe(ModelVerificationState state) => state switch
    {
        ModelVerificationState.Verified => "verified",
        ModelVerificationState.Recorded => "recorded",
        ModelVerificationState.Mismatch => "MISMATCH",
        _ => "unchecked",
    };

    private static WhisperModelInfo[] ReadCatalogFile(string file)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new SettingsException($"setting Models:CatalogFile = '{file}' is invalid: the file does not exist");
        }

        try
        {
            var entries = JsonSerializer.Deserialize<CatalogEntry[]>(File.ReadAllText(full), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? throw new SettingsException($"catalog file '{file}' holds null; expected an array of {{\"name\", \"sha1\", \"sha256\"}} objects");
            return [.. entries.Select(e => ToModel(e, file))];
        }
        catch (JsonException ex)
        {
            throw new SettingsException($"catalog file '{file}' is not a JSON array of {{\"name\", \"sha1\", \"sha256\"}} objects: {ex.Message}", ex);
        }
    }

    private static WhisperModelInfo ToModel(CatalogEntry entry, string file)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            throw new SettingsException($"catalog file '{file}': an entry has no name");
        }

        CheckHex(entry.Sha1, 40, "sha1", entry.Name, file);
        CheckHex(entry.Sha256, 64, "sha256", entry.Name, file);
        return new WhisperModelInfo(entry.Name, entry.Sha1?.ToLowerInvariant(), entry.Sha256?.ToLowerInvariant(), entry.Size);
    }

    private static void CheckHex(string? value, int length, string what, string name, string file)
    {
        if (value is not null && (value.Length != length || !value.All(char.IsAsciiHexDigit)))
        {
            throw new SettingsException($"catalog file '{file}': {what} of '{name}' must be {length} hex digits, got '{value}'");
        }
    }

    private sealed record CatalogEntry(string Name, string? Sha1, string? Sha256, string? Size);
}
