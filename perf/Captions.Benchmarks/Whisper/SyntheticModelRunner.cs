using Captions.TestKit.Models;

namespace Captions.Benchmarks.Whisper;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- synthetic-model --dims tiny|base --out PATH`: writes a
/// random-weight ggml Whisper model with the real tiny or base dimensions (compute-faithful: every matmul has the real
/// shape, so decode cost is real; the text is junk). `captions bench --asr whisper --model PATH` then measures the
/// pipeline's cost with it, and the whisper-cli peer runs the same file. No registry here ships real weights.
/// </summary>
public static class SyntheticModelRunner
{
    public static Task<int> RunAsync(string[] args)
    {
        var dims = "tiny";
        string? output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--dims":
                    dims = args[i + 1];
                    break;
                case "--out":
                    output = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine($"synthetic-model: unknown option {args[i]} (use --dims tiny|base --out PATH)");
                    return Task.FromResult(2);
            }
        }

        if (output is null || dims is not ("tiny" or "base"))
        {
            Console.Error.WriteLine("synthetic-model: --out PATH is required and --dims must be tiny or base");
            return Task.FromResult(2);
        }

        WhisperModelWriter.Write(output, dims == "base" ? WhisperModelDimensions.BaseDims : WhisperModelDimensions.TinyDims, seed: 1);
        Console.WriteLine($"synthetic-model: wrote {dims} dims to {output} ({new FileInfo(output).Length / 1e6:0.0} MB)");
        return Task.FromResult(0);
    }
}
