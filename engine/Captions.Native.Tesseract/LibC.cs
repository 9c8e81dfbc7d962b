using System.Runtime.InteropServices;

namespace Captions.Native.Tesseract;

/// <summary>
/// libc's own environment: <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only the
/// runtime's copy, which native code reading getenv never sees.
/// </summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GetEnv(string name);

    internal static string? GetEnvironmentVariable(string name) => Marshal.PtrToStringUTF8(GetEnv(name));
}
