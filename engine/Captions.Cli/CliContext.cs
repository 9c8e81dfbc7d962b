using Captions.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace Captions.Cli;

/// <summary>
/// What commands need from the process: output writers, environment, whether stdout is a terminal, logging.
/// Injected so the command tree can be driven in-process as well as through the real executable.
/// </summary>
internal sealed class CliContext : IDisposable
{
    public CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment, bool outputIsTerminal, Stream standardInput)
    {
        Output = output;
        Error = error;
        Environment = environment;
        OutputIsTerminal = outputIsTerminal;
        StandardInput = standardInput;
        var level = environment.TryGetValue("CAPTIONS_LOG_LEVEL", out var configured) && Enum.TryParse<LogLevel>(configured, ignoreCase: true, out var parsed)
            ? parsed
            : LogLevel.Warning;
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public bool OutputIsTerminal { get; }

    public Stream StandardInput { get; }

    public ILoggerFactory LoggerFactory { get; }

    public CaptionsSettings LoadSettings(string? configFile) => SettingsLoader.Load(configFile, Environment);

    public static CliContext FromProcess()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return new CliContext(Console.Out, Console.Error, environment, !Console.IsOutputRedirected, Console.OpenStandardInput());
    }

    public void Dispose() => LoggerFactory.Dispose();
}
