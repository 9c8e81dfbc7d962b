using BenchmarkDotNet.Running;
using Captions.Benchmarks.Pipeline;
using Captions.Benchmarks.Sphinx;
using Captions.Benchmarks.Whisper;

namespace Captions.Benchmarks;

public static class Program
{
    /// <summary>Comparison runners measure whole systems once, in one process; BenchmarkDotNet owns everything else.</summary>
    private static readonly Dictionary<string, Func<string[], Task<int>>> s_runners = new(StringComparer.Ordinal)
    {
        ["sphinx-vs-cli"] = SphinxVsCliRunner.RunAsync,
        ["whisper-vs-cli"] = WhisperVsCliRunner.RunAsync,
        ["whisper-streaming"] = WhisperStreamingRunner.RunAsync,
        ["pipeline-costs"] = PipelineCostRunner.RunAsync,
        ["apertium"] = Translation.ApertiumRunner.RunAsync,
        ["llama"] = Llama.LlamaRunner.RunAsync,
        ["qwen-loopback"] = Translation.QwenLoopbackRunner.RunAsync,
        ["sign-cache"] = Translation.SignCacheRunner.RunAsync,
        ["render"] = Rendering.RenderRunner.RunAsync,
        ["vision"] = Vision.VisionRunner.RunAsync,
        ["synthetic-model"] = SyntheticModelRunner.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && s_runners.TryGetValue(args[0], out var runner))
        {
            return await runner(args[1..]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

        // A benchmark that threw still yields a summary: fail the process so scripts notice.
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
