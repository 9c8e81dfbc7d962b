using System.Diagnostics;
using System.Text;
using Captions.Engine.Translation;

namespace Captions.Translation.Apertium;

/// <summary>
/// A pipeline per request: the mode's stages start, read one line, answer and exit. ~0.2 s a caption, almost all of
/// it process start and dictionary loading; kept for comparison (benchmark) and for <c>UseWarmProcess = false</c>.
/// </summary>
internal static class ApertiumOneShot
{
    public static async Task<string> TranslateAsync(
        ApertiumTools tools, string script, ApertiumPair pair, string escaped, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.Start(tools.PipelineStartInfo(script, pair))
                ?? throw new TranslationException(TranslationFailureKind.EngineFailed, $"Could not start the Apertium {pair.Mode} pipeline.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new TranslationException(TranslationFailureKind.EngineFailed, $"Could not start the Apertium {pair.Mode} pipeline: {ex.Message}", ex);
        }

        using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeoutSource.CancelAfter(timeout);
            var stderr = new StderrTail(process.StandardError);
            try
            {
                Stream input = process.StandardInput.BaseStream;
                await input.WriteAsync(Encoding.UTF8.GetBytes(escaped + "\n"), timeoutSource.Token).ConfigureAwait(false);
                input.Close();
                using var output = new MemoryStream();
                await process.StandardOutput.BaseStream.CopyToAsync(output, timeoutSource.Token).ConfigureAwait(false);
                await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
                await stderr.Completion.ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    process.Dispose();
                    throw new TranslationException(
                        TranslationFailureKind.EngineFailed,
                        $"Apertium {pair.Mode} pipeline exited with code {process.ExitCode}: {stderr.Text}");
                }

                string answer = Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
                process.Dispose();
                return answer;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _ = ApertiumProcess.StopAsync(process, dispose: true);
                throw new TranslationException(
                    TranslationFailureKind.Timeout,
                    $"Apertium {pair.Mode} gave no answer within {timeout.TotalSeconds:0.#} s.");
            }
            catch (OperationCanceledException)
            {
                // Cancellation must return at once: EOF ends the stages; a stuck one is killed in the background.
                _ = ApertiumProcess.StopAsync(process, dispose: true);
                throw;
            }
            catch (IOException ex)
            {
                _ = ApertiumProcess.StopAsync(process, dispose: true);
                throw new TranslationException(TranslationFailureKind.EngineFailed, $"Apertium {pair.Mode} pipeline broke: {stderr.Text}", ex);
            }
        }
    }
}
