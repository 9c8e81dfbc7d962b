namespace Captions.Renderer.OpenGL;

/// <summary>glClear's buffer bits (named like Silk.NET's <c>ClearBufferMask</c>).</summary>
[Flags]
#pragma warning disable CA1028 // GLbitfield is 32-bit unsigned.
public enum ClearBufferMask : uint
#pragma warning restore CA1028
{
    None = 0,
    DepthBufferBit = 0x0100,
    StencilBufferBit = 0x0400,
    ColorBufferBit = 0x4000,
}
