namespace Captions.Renderer.Text;

/// <summary>
/// One font of a fallback chain: a font file, the face inside it (index for .ttc collections) and the Debian package
/// that installs it (named in the error when the file is missing).
/// </summary>
public sealed record FontSource(string Path, int FaceIndex = 0, string Package = "");
