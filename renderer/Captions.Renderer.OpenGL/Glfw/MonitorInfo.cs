namespace Captions.Renderer.OpenGL.Glfw;

/// <summary>A connected monitor as GLFW reports it (index = position in glfwGetMonitors, the primary first).</summary>
public readonly record struct MonitorInfo(int Index, string Name, int X, int Y, int Width, int Height, int RefreshHz);
