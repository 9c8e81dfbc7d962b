namespace Captions.Renderer.OpenGL.Tests;

/// <summary>GLFW state and the DISPLAY variable are process-wide: windowed tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WindowedCollection
{
    public const string Name = "Windowed (GLFW)";
}
