using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Captions.Native.Llama;

/// <summary>
/// Loads libllama and libggml from the directory scripts/bootstrap.sh unpacked them into
/// (CaptionsPaths.LlamaLibraryDirectory), binds this assembly's imports to them, and registers ggml's backends.
/// </summary>
/// <remarks>
/// ggml_backend_load_all_from_path must run once before the first model load: the prebuilt libggml registers no
/// backend by itself (the CPU backend is one of 14 libggml-cpu-*.so variants it picks for the CPU), and without it
/// llama_model_load_from_file fails with "no backends are loaded".
/// Threading model: <see cref="Load"/> may be called from any thread, any number of times; a lock makes the first
/// call do the work and later calls with the same directory return at once. A process binds one llama library.
/// </remarks>
public static class LlamaLibrary
{
    // node-llama-cpp names its libraries after its llama.cpp release (SONAME libllama.v0.5.0.so).
    private const string LlamaFileName = "libllama.v0.5.0.so";
    private const string GgmlFileName = "libggml.v0.5.0.so";

    private static readonly Lock s_gate = new();
    private static nint s_llama;
    private static nint s_ggml;
    private static string? s_directory;

    /// <summary>The directory the bound libraries came from, or null before <see cref="Load"/>.</summary>
    public static string? LoadedDirectory
    {
        get
        {
            lock (s_gate)
            {
                return s_directory;
            }
        }
    }

    /// <summary>Number of ggml backend devices registered (1 = the CPU backend on this machine).</summary>
    public static int BackendDeviceCount
    {
        get
        {
            EnsureLoaded();
            return (int)LlamaNative.GgmlBackendDevCount();
        }
    }

    /// <summary>Loads the libraries from <paramref name="libraryDirectory"/> and registers ggml's backends.</summary>
    /// <param name="libraryDirectory">Holds libllama.v0.5.0.so, libggml*.so and the libggml-cpu-*.so variants.</param>
    /// <param name="logger">Receives llama.cpp's log lines (process-wide; null keeps the current logger).</param>
    /// <exception cref="LlamaLibraryException">A file is missing, does not load, or its structs do not match.</exception>
    public static void Load(string libraryDirectory, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryDirectory);
        string directory = Path.GetFullPath(libraryDirectory);
        lock (s_gate)
        {
            if (s_directory is not null)
            {
                if (!string.Equals(s_directory, directory, StringComparison.Ordinal))
                {
                    throw new LlamaLibraryException(
                        $"libllama is already loaded from '{s_directory}'; a process binds one llama library, so '{directory}' was not used");
                }

                LlamaLog.Bridge.Install(logger);
                return;
            }

            string llamaPath = Path.Combine(directory, LlamaFileName);
            string ggmlPath = Path.Combine(directory, GgmlFileName);
            foreach (string path in (string[])[llamaPath, ggmlPath])
            {
                if (!File.Exists(path))
                {
                    throw new LlamaLibraryException($"'{path}' does not exist: run ./scripts/bootstrap.sh");
                }
            }

            s_ggml = Open(ggmlPath);
            s_llama = Open(llamaPath);
            NativeLibrary.SetDllImportResolver(typeof(LlamaLibrary).Assembly, Resolve);
            s_directory = directory;

            LlamaLog.Bridge.Install(logger);
            CheckLayout(llamaPath);
            LlamaNative.BackendInit();
            LlamaNative.GgmlBackendLoadAllFromPath(directory);
            if (LlamaNative.GgmlBackendDevCount() == 0)
            {
                throw new LlamaLibraryException(
                    $"ggml_backend_load_all_from_path('{directory}') registered no backend: are the libggml-cpu-*.so files there? (run ./scripts/bootstrap.sh)");
            }
        }
    }

    internal static void EnsureLoaded()
    {
        if (LoadedDirectory is null)
        {
            throw new InvalidOperationException(
                "LlamaLibrary.Load(CaptionsPaths.LlamaLibraryDirectory) must run before a model is loaded.");
        }
    }

    private static nint Open(string path)
    {
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            string[] lines = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new LlamaLibraryException($"loading '{path}' failed: {(lines.Length == 0 ? ex.Message : lines[^1])}", ex);
        }
    }

    // The defaults llama.cpp v0.5.0 sets (src/llama-context.cpp, src/llama-model.cpp): read through our struct
    // mirrors, any shift in field order shows up as a wrong value here instead of as garbage parameters later.
    private static void CheckLayout(string path)
    {
        LlamaContextParams context = LlamaNative.ContextDefaultParams();
        LlamaModelParams model = LlamaNative.ModelDefaultParams();
        bool contextOk = context is { NCtx: 512, NBatch: 2048, NUbatch: 512, NSeqMax: 1, NOutputsMaxPerSeq: 1 }
            && context.DefragThold == -1.0f && context.TypeK == 1 && context.TypeV == 1
            && context.OffloadKqv == 1 && context.NoPerf == 1 && context.SwaFull == 1 && context.KvUnified == 0
            && context.NSamplers == 0 && context.CtxOther == 0;
        bool modelOk = model is { NGpuLayers: -1, SplitMode: 1, MainGpu: 0, VocabOnly: 0, UseExtraBufts: 1, LoadMtp: 0 };
        if (!contextOk || !modelOk)
        {
            throw new LlamaLibraryException(
                $"'{path}' returns default parameters that do not match llama.cpp v0.5.0's llama.h: the library is from another release than this binding");
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName switch
        {
            LlamaNative.Llama => Volatile.Read(ref s_llama),
            LlamaNative.Ggml => Volatile.Read(ref s_ggml),
            _ => 0,
        };
}
