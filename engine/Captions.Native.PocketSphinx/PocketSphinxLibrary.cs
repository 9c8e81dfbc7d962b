using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;
using Captions.Native.PocketSphinx.Interop;

namespace Captions.Native.PocketSphinx;

/// <summary>
/// Loads libpocketsphinx and libsphinxbase by versioned SONAME and probes them for `captions doctor`.
/// Only the 5prealpha API (Debian's 0.8+5prealpha, SONAME .so.3) is supported: 0.8 proper has other
/// <c>ps_seg_iter</c>/<c>ps_get_hyp</c> signatures and 5.0 (.so.5) replaced cmd_ln with ps_config.
/// </summary>
public static class PocketSphinxLibrary
{
    // Versioned names first: the unversioned .so symlink only exists with the -dev packages.
    private static readonly string[] s_pocketSphinxNames = ["libpocketsphinx.so.3", "libpocketsphinx.so"];
    private static readonly string[] s_sphinxBaseNames = ["libsphinxbase.so.3", "libsphinxbase.so"];

    private static readonly Lock s_gate = new();
    private static LoadResult? s_result;
    private static (nint PocketSphinx, nint SphinxBase) s_handles;

    /// <summary>
    /// Loads both libraries and installs the log router once. Returns a description of what loaded
    /// (SONAME, file path, API) or the exact dlopen error for every name tried.
    /// </summary>
    public static bool TryLoad([NotNullWhen(true)] out string? description, [NotNullWhen(false)] out string? error)
    {
        LoadResult result = Load();
        description = result.Description;
        error = result.Error;
        return result.Error is null;
    }

    /// <summary>Throws <see cref="PocketSphinxException"/> with the dlopen reason when the libraries cannot load.</summary>
    internal static void EnsureLoaded()
    {
        if (!TryLoad(out _, out string? error))
        {
            throw new PocketSphinxException($"pocketsphinx could not be loaded: {error}");
        }
    }

    private static LoadResult Load()
    {
        lock (s_gate)
        {
            if (s_result is not null)
            {
                return s_result;
            }

            var errors = new List<string>();
            nint sphinxBase = LoadFirst(s_sphinxBaseNames, errors, out string? sphinxBaseName);
            string? pocketSphinxName = null;
            nint pocketSphinx = sphinxBase == 0 ? 0 : LoadFirst(s_pocketSphinxNames, errors, out pocketSphinxName);
            if (pocketSphinx == 0)
            {
                s_result = new LoadResult(null, string.Join("; ", errors) + " (install libpocketsphinx3: ./scripts/bootstrap.sh)");
                return s_result;
            }

            if (!NativeLibrary.TryGetExport(pocketSphinx, "ps_set_search", out nint probe)
                || NativeLibrary.TryGetExport(pocketSphinx, "ps_config_init", out _))
            {
                s_result = new LoadResult(null, $"{pocketSphinxName} is not the pocketsphinx 5prealpha API (ps_set_search missing or ps_config_init present)");
                return s_result;
            }

            s_handles = (pocketSphinx, sphinxBase);
            NativeLibrary.SetDllImportResolver(typeof(PocketSphinxLibrary).Assembly, Resolve);
            NativeLog.Install();
            string path = NativeModulePath.Of(probe) ?? "path unknown";
            string log = NativeLog.IsRouted ? "log routed to ILogger" : "log silenced (unknown varargs ABI)";
            s_result = new LoadResult($"{pocketSphinxName} ({path}) + {sphinxBaseName}, 5prealpha API, {log}", null);
            return s_result;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        NativeMethods.PocketSphinx => s_handles.PocketSphinx,
        NativeMethods.SphinxBase => s_handles.SphinxBase,
        _ => 0,
    };

    private static nint LoadFirst(string[] names, List<string> errors, out string? loadedName)
    {
        foreach (string name in names)
        {
            try
            {
                nint handle = NativeLibrary.Load(name);
                loadedName = name;
                return handle;
            }
            catch (DllNotFoundException ex)
            {
                // The runtime's message carries dlerror() for every probing path.
                errors.Add($"{name}: {ex.Message}");
            }
        }

        loadedName = null;
        return 0;
    }

    private sealed record LoadResult(string? Description, string? Error);
}
