namespace Captions.Native.HarfBuzz;

/// <summary>hb_script_t: an ISO 15924 tag packed big-endian into 32 bits ('Arab' = 0x41726162).</summary>
public readonly record struct Script(uint Tag)
{
    public static Script Invalid => new(0);

    public static Script Common => FromTag("Zyyy");

    public static Script Inherited => FromTag("Zinh");

    public static Script Unknown => FromTag("Zzzz");

    public static Script Latin => FromTag("Latn");

    public static Script Arabic => FromTag("Arab");

    public static Script Hebrew => FromTag("Hebr");

    public static Script Han => FromTag("Hani");

    public static Script Thai => FromTag("Thai");

    public static Script Cyrillic => FromTag("Cyrl");

    /// <summary>True for scripts that take the script of their neighbours (Common, Inherited, Unknown).</summary>
    public bool IsNeutral => this == Common || this == Inherited || this == Unknown;

    public static Script FromTag(ReadOnlySpan<char> tag)
    {
        if (tag.Length != 4)
        {
            throw new ArgumentException($"script tag '{tag}' must have 4 characters", nameof(tag));
        }

        return new Script(((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3]);
    }

    public override string ToString() =>
        string.Create(4, Tag, static (span, tag) =>
        {
            span[0] = (char)(tag >> 24);
            span[1] = (char)((tag >> 16) & 0xFF);
            span[2] = (char)((tag >> 8) & 0xFF);
            span[3] = (char)(tag & 0xFF);
        });
}
