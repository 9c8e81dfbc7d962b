using System.CommandLine;
using System.Globalization;
using Captions.Engine.Models;

namespace Captions.Cli.Commands;

/// <summary>`captions models pull NAME [--force]`: download a catalog model with progress, resume and checksum check.</summary>
internal static class ModelsPullCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Catalog name, e.g. tiny.en, base, small-q5_1 (see 'captions models list')" };
        var force = new Option<bool>("--force") { Description = "Download again from scratch even if the model or a partial download is present" };
        var config = CommonOptions.Config();
        var command = new Command("pull", "Download a ggml Whisper model into the models folder; an interrupted pull resumes where it stopped")
        {
            name, force, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            var store = ModelsCommand.OpenStore(context, settings);
            return await PullAsync(context, store, parse.GetRequiredValue(name), parse.GetValue(force), cancellationToken);
        });
        return command;
    }

    private static async Task<int> PullAsync(CliContext context, ModelStore store, string name, bool force, CancellationToken cancellationToken)
    {
        var output = context.Output;
        if (store.Catalog.Find(name) is not { } model)
        {
            context.Error.WriteLine($"captions: unknown model '{name}'; known: {string.Join(", ", store.Catalog.Models.Select(m => m.Name))}");
            return ExitCodes.Usage;
        }

        var path = store.PathFor(model);
        var partial = ModelStore.PartialPathFor(path);
        if (store.FindInstalled(model) is { } installed && !force)
        {
            output.WriteLine($"{model.Name} is already installed: {path} ({ModelsCommand.FormatSize(installed.Length)}, {ModelsCommand.Describe(installed.State)}); use --force to download it again");
            return ExitCodes.Success;
        }

        if (force && File.Exists(partial))
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"captions: cannot delete the partial download {partial}: {ex.Message}");
                return ExitCodes.Failure;
            }
        }

        var url = store.Catalog.DownloadUrl(model);
        output.WriteLine($"Downloading {model.Name} from {url}");
        output.WriteLine($"  to {path}");
        if (!model.HasPublishedChecksum)
        {
            output.WriteLine($"note: no checksum is published for {model.Name}, so this download is unverified; its sha256 is recorded in {Path.GetFileName(ModelSidecar.PathFor(path))} so 'captions models verify' can detect later changes");
        }

        var printer = new ModelsProgressPrinter(output, context.OutputIsTerminal);
        using var http = ModelDownloader.CreateHttpClient();
        try
        {
            var result = await new ModelDownloader(http).DownloadAsync(url, path, model, printer.Report, cancellationToken);
            printer.Finish();
            output.WriteLine(result.State == ModelVerificationState.Verified
                ? string.Create(CultureInfo.InvariantCulture, $"ok  {model.FileName}  {result.Hashes.Length} bytes  verified: {(model.Sha1 is not null ? $"sha1 {result.Hashes.Sha1}" : $"sha256 {result.Hashes.Sha256}")} matches the published checksum")
                : string.Create(CultureInfo.InvariantCulture, $"ok  {model.FileName}  {result.Hashes.Length} bytes  UNVERIFIED (nothing published to compare with); recorded sha256 {result.Hashes.Sha256}"));
            return ExitCodes.Success;
        }
        catch (ModelDownloadException ex)
        {
            printer.Finish();
            context.Error.WriteLine($"captions: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            printer.Finish();
            var kept = File.Exists(partial) ? new FileInfo(partial).Length : 0;
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"captions: cancelled; {partial} keeps {kept} bytes: run 'captions models pull {model.Name}' again to resume"));
            return ExitCodes.Failure;
        }
    }
}
