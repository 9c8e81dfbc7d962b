using System.Reflection;
using System.Runtime.InteropServices;

namespace Captions.Native.Support;

/// <summary>
/// One native library of a binding, loaded by versioned SONAME first (Debian's runtime packages ship only the
/// versioned name; the unversioned symlink comes with the -dev package) and routed to that binding's imports.
/// Loads once; a failure is remembered and reported the same way every time.
/// </summary>
/// <remarks>Threading model: thread-safe; the first caller loads.</remarks>
public sealed class SonameLibrary
{
    private readonly Assembly _bindings;
    private readonly string _importName;
    private readonly string _displayName;
    private readonly string _package;
    private readonly string[] _names;
    private readonly Lock _gate = new();
    private nint _handle;
    private string? _error;

    /// <param name="bindings">The assembly whose [LibraryImport]s name <paramref name="importName"/>.</param>
    /// <param name="importName">The library name the imports use.</param>
    /// <param name="displayName">Name for messages ("FreeType").</param>
    /// <param name="package">Debian package that ships it ("libfreetype6").</param>
    /// <param name="names">File names to try, versioned first.</param>
    public SonameLibrary(Assembly bindings, string importName, string displayName, string package, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentOutOfRangeException.ThrowIfZero(names.Length);
        _bindings = bindings;
        _importName = importName;
        _displayName = displayName;
        _package = package;
        _names = names;
    }

    public bool TryLoad(out string? error)
    {
        lock (_gate)
        {
            if (_handle != 0 || _error is not null)
            {
                error = _error;
                return _handle != 0;
            }

            foreach (string name in _names)
            {
                if (NativeLibrary.TryLoad(name, out nint handle))
                {
                    _handle = handle;
                    NativeLibrary.SetDllImportResolver(_bindings, Resolve);
                    error = null;
                    return true;
                }
            }

            _error = $"{_displayName} could not be loaded (tried {string.Join(", ", _names)}); install {_package}: run ./scripts/bootstrap.sh";
            error = _error;
            return false;
        }
    }

    /// <exception cref="DllNotFoundException">The library is not installed (the message names the package).</exception>
    public void EnsureLoaded()
    {
        if (!TryLoad(out string? error))
        {
            throw new DllNotFoundException(error);
        }
    }

    private nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == _importName ? _handle : 0;
}
