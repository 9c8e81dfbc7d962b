using BenchmarkDotNet.Running;
using Captions.Benchmarks.Pipeline;
using Captions.Benchmarks.Sphinx;
using Captions.Benchmarks.Whisper;

namespace Captions.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Comparison runners measure whole systems once, in one process; BenchmarkDotNet owns everything else.
        if (args.Length > 0 && args[0] == "sphinx-vs-cli")
        {
            return await SphinxVsCliRunner.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "whisper-vs-cli")
        {
            return await WhisperVsCliRunner.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "pipeline-costs")
        {
            return await PipelineCostRunner.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
