using System.CommandLine;

namespace Captions.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "Settings file (JSON) applied over appsettings.json; CAPTIONS_* variables and flags override it",
    };
}
