namespace Captions.Renderer.OpenGL;

/// <summary>How the glasses present themselves to the computer.</summary>
public enum DisplayLayout
{
    /// <summary>One display of 2 x eye width ("3D mode" of USB-C glasses): left eye in the left half.</summary>
    Sbs,

    /// <summary>Two displays or windows, one per eye.</summary>
    Dual,

    /// <summary>One eye-sized display showing the same image to both eyes (the left eye is drawn).</summary>
    Mono,

    /// <summary>No display: an offscreen framebuffer read back (PNGs, recording, tests).</summary>
    Headless,
}
