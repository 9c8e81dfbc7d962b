using System.CommandLine;
using Captions.Engine.Models;

namespace Captions.Cli.Commands;

/// <summary>`captions models verify [NAME|PATH]`: re-hash model files and compare with published or recorded checksums.</summary>
internal static class ModelsVerifyCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string?>("model")
        {
            Description = "Catalog name or path of a ggml file; default: every model in the models folder",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var config = CommonOptions.Config();
        var command = new Command("verify", "Re-hash models and compare with whisper.cpp's published SHA-1, else the SHA-256 recorded at download; exit 1 on a mismatch")
        {
            model, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            var store = ModelsCommand.OpenStore(context, settings);
            return await VerifyAsync(context, store, parse.GetValue(model), cancellationToken);
        });
        return command;
    }

    private static async Task<int> VerifyAsync(CliContext context, ModelStore store, string? nameOrPath, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> paths;
        try
        {
            paths = nameOrPath is null ? [.. store.ListInstalled().Select(i => i.Path)] : [store.Resolve(nameOrPath)];
        }
        catch (UnknownModelException ex)
        {
            context.Error.WriteLine($"captions: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (ModelNotFoundException ex)
        {
            context.Error.WriteLine($"captions: {ex.Message}");
            return ExitCodes.Failure;
        }

        if (paths.Count == 0)
        {
            context.Output.WriteLine($"no models in {store.Directory}; 'captions models pull NAME' downloads one");
            return ExitCodes.Success;
        }

        var failures = 0;
        foreach (var path in paths)
        {
            ModelVerification result;
            try
            {
                result = await store.VerifyAsync(path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"captions: cannot read {path}: {ex.Message}");
                failures++;
                continue;
            }

            failures += result.IsHealthy ? 0 : 1;
            context.Output.WriteLine($"{ModelsCommand.Describe(result.State),-9} {path}: {result.Detail}");
        }

        if (failures > 0)
        {
            context.Error.WriteLine($"captions: {failures} of {paths.Count} model file(s) failed verification; 'captions models pull NAME --force' downloads a fresh copy");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }
}
