using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Captions.Native.Leptonica.Interop;

/// <summary>
/// Collects leptonica's error lines for the call in progress on this thread, so the exception can quote them
/// ("Error in pixReadHeader: unknown format in file notes.jpg").
/// </summary>
internal static class LeptonicaMessages
{
    // Leptonica prints one line per level of the failing call chain; the first few say what went wrong.
    private const int MaxLines = 4;

    [ThreadStatic]
    private static List<string>? t_lines;

    internal static void Clear() => t_lines?.Clear();

    /// <summary>The lines collected since <see cref="Clear"/>, joined with "; ", or null if there were none.</summary>
    internal static string? Take()
    {
        if (t_lines is not { Count: > 0 } lines)
        {
            return null;
        }

        string text = string.Join("; ", lines);
        lines.Clear();
        return text;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    internal static unsafe void OnMessage(byte* text)
    {
        try
        {
            string? line = Marshal.PtrToStringUTF8((nint)text)?.Trim();
            if (string.IsNullOrEmpty(line))
            {
                return;
            }

            t_lines ??= new List<string>(MaxLines);
            if (t_lines.Count < MaxLines)
            {
                t_lines.Add(line);
            }
        }
        catch (OutOfMemoryException)
        {
            // Never let an exception unwind into leptonica's C frames; the message is lost, the call still fails.
        }
    }
}
