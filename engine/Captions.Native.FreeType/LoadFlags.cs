namespace Captions.Native.FreeType;

/// <summary>FT_LOAD_* flags (freetype.h), including the FT_LOAD_TARGET_* hinting targets.</summary>
[Flags]
public enum LoadFlags
{
    Default = 0,
    NoScale = 1 << 0,
    NoHinting = 1 << 1,
    Render = 1 << 2,
    NoBitmap = 1 << 3,
    ForceAutohint = 1 << 5,
    Monochrome = 1 << 12,
    NoAutohint = 1 << 15,
    Color = 1 << 20,

    /// <summary>FT_LOAD_TARGET_LIGHT = FT_LOAD_TARGET_(FT_RENDER_MODE_LIGHT): vertical-only hinting, crisp without distorting shapes.</summary>
    TargetLight = 1 << 16,

    /// <summary>FT_LOAD_TARGET_MONO = FT_LOAD_TARGET_(FT_RENDER_MODE_MONO).</summary>
    TargetMono = 2 << 16,
}
