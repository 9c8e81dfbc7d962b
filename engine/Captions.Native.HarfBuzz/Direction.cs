namespace Captions.Native.HarfBuzz;

/// <summary>hb_direction_t.</summary>
public enum Direction
{
    Invalid = 0,
    LeftToRight = 4,
    RightToLeft = 5,
    TopToBottom = 6,
    BottomToTop = 7,
}
