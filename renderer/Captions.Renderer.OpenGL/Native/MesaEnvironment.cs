using System.Runtime.InteropServices;
using Captions.Engine.Hosting;

namespace Captions.Renderer.OpenGL.Native;

/// <summary>
/// Points Mesa's on-disk shader cache at a writable folder under the Captions cache before Mesa loads. Mesa reads
/// MESA_SHADER_CACHE_DIR with the C library's getenv, which .NET's Environment.SetEnvironmentVariable does not
/// reach (the runtime keeps its own copy), so this calls libc setenv. A value the user already set wins.
/// </summary>
internal static partial class MesaEnvironment
{
    private const string ShaderCacheVariable = "MESA_SHADER_CACHE_DIR";
    private static readonly Lock s_gate = new();
    private static bool s_prepared;

    public static void Prepare()
    {
        lock (s_gate)
        {
            if (s_prepared)
            {
                return;
            }

            s_prepared = true;
            if (!string.IsNullOrEmpty(GetNative(ShaderCacheVariable)))
            {
                return;
            }

            try
            {
                string directory = Path.Combine(CaptionsPaths.FromEnvironment().CacheRoot, "mesa-shader-cache");
                Directory.CreateDirectory(directory);
                SetNative(ShaderCacheVariable, directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No writable cache: Mesa falls back to its default (~/.cache/mesa_shader_cache) or none; not fatal.
            }
        }
    }

    /// <summary>setenv(3) in the C library, so native code (Mesa, Xlib via GLFW) sees the value.</summary>
    public static void SetNative(string name, string value)
    {
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public static string? GetNative(string name) => Marshal.PtrToStringUTF8(getenv(name));

    /// <summary>Sets (or, for null, unsets) a native environment variable.</summary>
    public static void RestoreNative(string name, string? value)
    {
        if (value is null)
        {
            _ = unsetenv(name);
        }
        else
        {
            SetNative(name, value);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);
}
