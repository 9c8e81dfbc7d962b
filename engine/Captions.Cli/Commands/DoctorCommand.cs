using System.CommandLine;

namespace Captions.Cli.Commands;

/// <summary>`captions doctor`: probes every native library, model and data file the project uses.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var command = new Command("doctor", "Check native libraries, CPU features, models and data; exit non-zero if a required one is missing")
        {
            config,
        };
        command.SetAction(parse =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            Configuration.SettingsLoader.Validate(settings);
            return new DoctorReport(context, settings).Run();
        });
        return command;
    }
}
