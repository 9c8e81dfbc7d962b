namespace Captions.Native.HarfBuzz.Interop;

internal enum HarfBuzzObjectKind
{
    Blob,
    Face,
    Font,
    Buffer,
}
