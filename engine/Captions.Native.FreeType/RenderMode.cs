namespace Captions.Native.FreeType;

/// <summary>FT_Render_Mode: Normal gives 8-bit antialiased coverage (256 levels).</summary>
public enum RenderMode
{
    Normal = 0,
    Light = 1,
    Mono = 2,
    Lcd = 3,
    LcdV = 4,
    Sdf = 5,
}
