namespace Captions.Renderer.Scene;

/// <summary>
/// A sign or menu the vision stage read, drawn as a labelled panel at (<see cref="X"/>, <see cref="Y"/>)
/// <see cref="Width"/> x <see cref="Height"/> in eye pixels (origin top-left, y down; the renderer clamps the panel
/// inside the eye). <see cref="Translation"/> is shown when present, else <see cref="Source"/>;
/// <see cref="Label"/> (e.g. "Sign", "Menu") is a small heading above it.
/// </summary>
public readonly record struct SignOverlay(string Source, string? Translation, string? Label, int X, int Y, int Width, int Height);
