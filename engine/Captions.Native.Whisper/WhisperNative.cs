using System.Runtime.InteropServices;

namespace Captions.Native.Whisper;

/// <summary>
/// whisper.h entry points (whisper.cpp 1.9.1). Resolved through <see cref="WhisperLibrary"/>'s DllImportResolver,
/// so call these only after <see cref="WhisperLibrary.TryLoad"/> succeeded.
/// </summary>
internal static partial class WhisperNative
{
    /// <summary><c>const char * whisper_version(void)</c>: a static string such as "1.9.1"; never freed.</summary>
    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_version")]
    internal static partial nint WhisperVersion();

    /// <summary>
    /// <c>const char * whisper_print_system_info(void)</c>: the compiled-in CPU features ("AVX2 = 1 | ...").
    /// Returns a pointer into a static std::string that the next call rewrites: not thread-safe, never freed.
    /// </summary>
    [LibraryImport(WhisperLibrary.LibraryName, EntryPoint = "whisper_print_system_info")]
    internal static partial nint WhisperPrintSystemInfo();
}
