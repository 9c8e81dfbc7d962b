using System.CommandLine;
using Captions.Cli.Commands;
using Captions.Cli.Configuration;

namespace Captions.Cli;

/// <summary>The `captions` command tree and its error handling.</summary>
internal static class CaptionsApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Captions: real-time captions and translation for AR glasses")
        {
            ListenCommand.Create(context),
            DemoCommand.Create(context),
            DoctorCommand.Create(context),
            ModelsCommand.Create(context),
            TranslateCommand.Create(context),
            RenderCommand.Create(context),
            Look.LookCommand.Create(context),
            BenchCommand.Create(context),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = Build(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"captions: {error.Message}");
            }

            context.Error.WriteLine($"Run 'captions {string.Join(' ', parse.CommandResult.Command == root ? [] : new[] { parse.CommandResult.Command.Name })} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C cancels the action's token; the pipeline then drains (10 s at most) and closes outputs.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };

        try
        {
            return await parse.InvokeAsync(invocation);
        }
        catch (SettingsException ex)
        {
            context.Error.WriteLine($"captions: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}
