using System.Runtime.InteropServices;
using Captions.Native.Leptonica.Interop;
using Captions.Native.Support;

namespace Captions.Native.Leptonica;

/// <summary>
/// Loads leptonica by versioned SONAME (Debian liblept5 ships liblept.so.5; newer leptonica builds are
/// libleptonica.so.6) and routes this assembly's imports to it. On first load leptonica's messages are turned from
/// stderr into text the failing call's exception carries (errors only; warnings and info are off).
/// </summary>
/// <remarks>
/// libjpeg and libpng print their own reasons ("Premature end of JPEG file") to stderr before leptonica sees the
/// failure; those lines cannot be redirected from here and still appear on the console.
/// Threading model: thread-safe; the first caller loads. Messages are collected per thread (leptonica reports on the
/// calling thread), so concurrent reads do not mix their errors.
/// </remarks>
public static class LeptonicaNativeLibrary
{
    private static readonly SonameLibrary s_library = new(
        typeof(LeptonicaNativeLibrary).Assembly,
        NativeMethods.Library,
        "Leptonica",
        "liblept5",
        "liblept.so.5",
        "libleptonica.so.6",
        "libleptonica.so",
        "liblept.so");

    private static readonly Lock s_gate = new();
    private static bool s_configured;
    private static string? s_version;

    /// <summary>Loads the library once; on failure says which names were tried and which package to install.</summary>
    public static bool TryLoad(out string? error)
    {
        if (!s_library.TryLoad(out error))
        {
            return false;
        }

        Configure();
        return true;
    }

    /// <summary>"leptonica-1.82.0".</summary>
    /// <exception cref="DllNotFoundException">The library is not installed (the message names the package).</exception>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            lock (s_gate)
            {
                if (s_version is null)
                {
                    nint text = NativeMethods.getLeptonicaVersion();
                    s_version = Marshal.PtrToStringUTF8(text) ?? "unknown";
                    NativeMethods.lept_free(text);
                }

                return s_version;
            }
        }
    }

    internal static void EnsureLoaded()
    {
        s_library.EnsureLoaded();
        Configure();
    }

    private static unsafe void Configure()
    {
        lock (s_gate)
        {
            if (s_configured)
            {
                return;
            }

            NativeMethods.setMsgSeverity(NativeMethods.SeverityError);
            NativeMethods.leptSetStderrHandler(&LeptonicaMessages.OnMessage);
            s_configured = true;
        }
    }
}
