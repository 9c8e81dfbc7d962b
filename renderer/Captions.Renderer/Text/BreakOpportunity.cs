namespace Captions.Renderer.Text;

/// <summary>Whether a line may or must break before a UTF-16 index.</summary>
public enum BreakOpportunity : byte
{
    None = 0,
    Allowed = 1,
    Mandatory = 2,
}
