using System.Diagnostics;
using System.Text;
using Captions.Engine.Translation;

namespace Captions.Translation.Apertium;

/// <summary>
/// Finds the Apertium executables and turns a .mode file into the shell pipeline that runs it, the way the
/// `apertium` script does (apertium-wblank-mode inserts the word-bound-blank stages and, with -z, null-flush flags).
/// </summary>
internal sealed class ApertiumTools
{
    private const string InstallHint = "install the Debian package 'apertium' (apt-get install apertium, or run ./scripts/bootstrap.sh)";

    private ApertiumTools(string wblankMode, string bash, string? binaryDirectory)
    {
        WblankMode = wblankMode;
        Bash = bash;
        BinaryDirectory = binaryDirectory;
    }

    public string WblankMode { get; }

    public string Bash { get; }

    public string? BinaryDirectory { get; }

    /// <summary>Locates the tools or throws <see cref="TranslationFailureKind.EngineFailed"/> naming the package.</summary>
    public static ApertiumTools Locate(string? binaryDirectory)
    {
        string? wblankMode = Find("apertium-wblank-mode", binaryDirectory);
        string? ltProc = Find("lt-proc", binaryDirectory);
        if (wblankMode is null || ltProc is null)
        {
            string where = binaryDirectory ?? "PATH";
            throw new TranslationException(
                TranslationFailureKind.EngineFailed,
                $"Apertium is not installed: apertium-wblank-mode/lt-proc not found in {where}; {InstallHint}.");
        }

        string bash = Find("bash", null) ?? "/bin/bash";
        return new ApertiumTools(wblankMode, bash, binaryDirectory);
    }

    /// <summary>The pipeline for <paramref name="pair"/>; with <paramref name="nullFlush"/> every stage gets -z.</summary>
    public async Task<string> ScriptAsync(ApertiumPair pair, bool nullFlush, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(WblankMode)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (nullFlush)
        {
            info.ArgumentList.Add("-z");
        }

        info.ArgumentList.Add(pair.ModeFile);
        using Process process = Process.Start(info)
            ?? throw new TranslationException(TranslationFailureKind.EngineFailed, $"Could not start {WblankMode} for {pair}.");
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        string script = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        string stderr = await error.ConfigureAwait(false);
        if (process.ExitCode != 0 || string.IsNullOrWhiteSpace(script))
        {
            throw new TranslationException(
                TranslationFailureKind.EngineFailed,
                $"{WblankMode} could not read {pair.ModeFile} (exit {process.ExitCode}): {stderr.Trim()}");
        }

        return script.Trim();
    }

    /// <summary>
    /// bash -c SCRIPT with $1 = "-n" (generation without unknown-word marks: what `apertium -u` passes) and $2 unset
    /// (the tagger option `apertium -a` would set), the stage arguments the apertium script gives a mode.
    /// </summary>
    public ProcessStartInfo PipelineStartInfo(string script, ApertiumPair pair)
    {
        var info = new ProcessStartInfo(Bash)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("apertium-" + pair.Mode);
        info.ArgumentList.Add("-n");
        if (BinaryDirectory is not null)
        {
            info.Environment["PATH"] = BinaryDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        // The stages read and write UTF-8; a C locale would make lt-proc treat accented letters as blanks.
        info.Environment["LC_ALL"] = "C.UTF-8";
        return info;
    }

    private static string? Find(string name, string? directory)
    {
        IEnumerable<string> directories = directory is not null
            ? [directory]
            : (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string candidate in directories.Select(d => Path.Combine(d, name)))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
