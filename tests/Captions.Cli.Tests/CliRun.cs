using System.Diagnostics;
using System.Text;

namespace Captions.Cli.Tests;

/// <summary>The outcome of one `captions` invocation.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>Runs `captions` in process (fast, most tests) or as a real child process (exit codes, stdin, signals).</summary>
internal static class CliRun
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The built executable's main assembly, copied beside the tests by the project reference.</summary>
    public static string CaptionsDll => Path.Combine(AppContext.BaseDirectory, "captions.dll");

    public static async Task<CliResult> InProcessAsync(IReadOnlyDictionary<string, string?>? environment = null, Stream? stdin = null, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var context = new CliContext(output, error, environment ?? ProcessEnvironment(), outputIsTerminal: false, stdin ?? Stream.Null);
        var code = await CaptionsApp.RunAsync(args, context).WaitAsync(Timeout);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>This process's environment (HOME locates the cache), for tests that add or override variables.</summary>
    public static Dictionary<string, string?> ProcessEnvironment(params (string Name, string? Value)[] overrides)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!name.StartsWith("CAPTIONS_", StringComparison.Ordinal) || name == "CAPTIONS_CACHE_DIR")
            {
                environment[name] = entry.Value as string;
            }
        }

        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return environment;
    }

    public static Task<CliResult> InProcessAsync(params string[] args) => InProcessAsync(null, null, args);

    public static Process Start(IEnumerable<string> args, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(CaptionsDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static async Task<CliResult> ProcessAsync(IEnumerable<string> args, byte[]? stdin = null)
    {
        using var process = Start(args, redirectInput: stdin is not null);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync().WaitAsync(Timeout);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
