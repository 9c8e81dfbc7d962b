using System.CommandLine;
using Captions.Engine.Models;

namespace Captions.Cli.Commands;

/// <summary>`captions models list`: the catalog with what is installed, its size and whether it was verified.</summary>
internal static class ModelsListCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var command = new Command("list", "Show the model catalog: which models are installed, their size and checksum state (no hashing; see 'verify')")
        {
            config,
        };
        command.SetAction(parse =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            var store = ModelsCommand.OpenStore(context, settings);
            Print(context.Output, store);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, ModelStore store)
    {
        output.WriteLine($"Models in {store.Directory}, pulled from {store.Catalog.BaseUrl}");
        output.WriteLine($"{"NAME",-16} {"PUBLISHED",-10} {"CHECKSUM",-9} {"INSTALLED",-18} STATE");
        var installed = store.ListInstalled();
        foreach (var model in store.Catalog.Models)
        {
            var file = installed.FirstOrDefault(i => i.Model == model);
            var partial = store.PartialLength(model);
            var size = file is not null ? ModelsCommand.FormatSize(file.Length)
                : partial > 0 ? $"partial {ModelsCommand.FormatSize(partial)}"
                : "-";
            var state = file is null ? "-" : ModelsCommand.Describe(file.State);
            var checksum = model.Sha256 is not null ? "sha256" : model.Sha1 is not null ? "sha1" : "none";
            output.WriteLine($"{model.Name,-16} {model.ApproximateSize ?? "?",-10} {checksum,-9} {size,-18} {state}");
        }

        foreach (var other in installed.Where(i => i.Model is null))
        {
            output.WriteLine($"{Path.GetFileName(other.Path),-16} {"-",-10} {"-",-9} {ModelsCommand.FormatSize(other.Length),-18} {ModelsCommand.Describe(other.State)}");
        }

        output.WriteLine("checksum: what whisper.cpp publishes (sha1) or 'none' (quantised models: a pull records the file's sha256 but cannot verify it)");
        output.WriteLine($"{installed.Count} installed; use a name with 'captions models pull NAME', or any ggml file with --model PATH");
    }
}
