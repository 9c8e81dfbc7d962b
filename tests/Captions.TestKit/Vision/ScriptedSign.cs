using System.Drawing;

namespace Captions.TestKit.Vision;

/// <summary>One text in one frame of a <see cref="ScriptedScene"/>: what it says and where it is (frame pixels).</summary>
public sealed record ScriptedSign(string Text, RectangleF Box)
{
    public ScriptedSign(string text, float x, float y, float width, float height)
        : this(text, new RectangleF(x, y, width, height))
    {
    }
}
