namespace Captions.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var context = CliContext.FromProcess();
        return await CaptionsApp.RunAsync(args, context);
    }
}
