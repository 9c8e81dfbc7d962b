namespace Captions.Renderer.OpenGL;

/// <summary>Windowed (or headless) output settings: layout, per-eye size, refresh rate, vsync and which monitors.</summary>
public sealed record DisplayOptions
{
    public DisplayLayout Layout { get; init; } = DisplayLayout.Sbs;

    /// <summary>Pixels of one eye; 1920x1080 is the usual micro-OLED panel.</summary>
    public int EyeWidth { get; init; } = 1920;

    public int EyeHeight { get; init; } = 1080;

    /// <summary>Requested refresh rate for full-screen windows, and the pace of unsynchronised loops.</summary>
    public int RefreshHz { get; init; } = 60;

    /// <summary>Swap on vertical blank (swap interval 1). In dual layout only the first window waits, or the two would halve the rate.</summary>
    public bool VSync { get; init; } = true;

    /// <summary>Monitor index (glfwGetMonitors order) for the full-screen sbs/mono window or the dual left eye; null = a window.</summary>
    public int? Monitor { get; init; }

    /// <summary>Monitor index for the dual layout's right eye; null = a window beside the left one.</summary>
    public int? RightMonitor { get; init; }

    /// <summary>X display to open (e.g. ":1"); null = the DISPLAY environment variable.</summary>
    public string? X11Display { get; init; }

    public string Title { get; init; } = "Captions";

    /// <summary>Checks sizes and layout, naming the bad value.</summary>
    public void Validate()
    {
        if (EyeWidth is < 16 or > 8192 || EyeHeight is < 16 or > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(EyeWidth), $"eye size {EyeWidth}x{EyeHeight} is outside 16..8192 pixels");
        }

        if (RefreshHz is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshHz), $"refresh rate {RefreshHz} Hz is outside 1..1000");
        }

        if (!Enum.IsDefined(Layout))
        {
            throw new ArgumentOutOfRangeException(nameof(Layout), Layout, "unknown display layout");
        }
    }
}
