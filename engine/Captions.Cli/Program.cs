namespace Captions.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("captions: the command line is not wired yet");
        return args.Length == 0 ? 2 : 2;
    }
}
