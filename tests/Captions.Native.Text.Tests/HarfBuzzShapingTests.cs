using Captions.Native.FreeType;
using Captions.Native.HarfBuzz;
using HbBuffer = Captions.Native.HarfBuzz.Buffer;

namespace Captions.Native.Text.Tests;

public sealed class HarfBuzzShapingTests : IDisposable
{
    private const LoadFlags Flags = LoadFlags.TargetLight | LoadFlags.NoBitmap;
    private readonly FreeTypeLibrary _library = new();
    private readonly FreeTypeFace _face;
    private readonly Font _font;
    private readonly HbBuffer _buffer = new();

    public HarfBuzzShapingTests()
    {
        _face = _library.OpenFace(Fonts.DejaVuSans);
        _face.SetPixelSizes(0, 32);
        _font = Font.FromFreeType(_face, Flags);
    }

    public void Dispose()
    {
        _buffer.Dispose();
        _font.Dispose();
        _face.Dispose();
        _library.Dispose();
    }

    [Fact]
    public void Version_IsHarfBuzz6OrNewer()
    {
        int major = int.Parse(HarfBuzzNativeLibrary.Version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);

        major.Should().BeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void Shape_Latin_GlyphsMatchFreeTypeAndAdvancesAre26Dot6Pixels()
    {
        _buffer.AddUtf16("Hello");
        _buffer.GuessSegmentProperties();

        _font.Shape(_buffer);

        GlyphInfo[] infos = _buffer.GetGlyphInfoSpan().ToArray();
        GlyphPosition[] positions = _buffer.GetGlyphPositionSpan().ToArray();
        infos.Select(i => i.Codepoint).Should().Equal("Hello".Select(c => _face.GetCharIndex(c)));
        infos.Select(i => i.Cluster).Should().Equal(0u, 1u, 2u, 3u, 4u);
        _buffer.Direction.Should().Be(Direction.LeftToRight);
        _buffer.Script.Should().Be(Script.Latin);

        // 'H' (1540 units) at 32 px: HarfBuzz reads FreeType's light-hinting advance (FT_Get_Advance: light hinting
        // leaves advances unrounded, 1540 / 64 = 24.06 px), the loaded slot rounds it to 24 px.
        _face.LoadGlyph(_face.GetCharIndex('H'), Flags);
        positions[0].XAdvance.Should().Be(1540);
        _face.Glyph.AdvanceX.Should().Be(24 * 64);
        positions.Sum(p => p.XAdvance).Should().BeInRange(64 * 78, 64 * 84, "H 24 + e 19.7 + l 8.9 + l 8.9 + o 19.6 = 81 px at 32 px/em");
    }

    [Fact]
    public void Shape_ArabicWord_IsJoinedAndInVisualOrder()
    {
        const string word = "كتب"; // kaf, teh, beh: initial, medial and final forms, no lam-alef ligature
        _buffer.AddUtf16(word);
        _buffer.GuessSegmentProperties();

        _font.Shape(_buffer);

        uint[] joined = _buffer.GetGlyphInfoSpan().ToArray().Select(i => i.Codepoint).ToArray();
        uint[] clusters = _buffer.GetGlyphInfoSpan().ToArray().Select(i => i.Cluster).ToArray();
        _buffer.Direction.Should().Be(Direction.RightToLeft);
        _buffer.Script.Should().Be(Script.Arabic);
        clusters.Should().Equal(2u, 1u, 0u);

        uint[] isolated = word.Select(c => ShapeOne(c.ToString())).Reverse().ToArray();
        joined.Should().HaveCount(3);
        joined.Zip(isolated).Should().OnlyContain(pair => pair.First != pair.Second, "initial, medial and final forms replace the isolated letters");
    }

    [Fact]
    public void AddUtf16_ItemInsideContext_ClustersIndexTheWholeText()
    {
        const string text = "ab\U0001F600cd";

        _buffer.AddUtf16(text, 4, 2);
        _buffer.GuessSegmentProperties();
        _font.Shape(_buffer);

        _buffer.GetGlyphInfoSpan().ToArray().Select(i => i.Cluster).Should().Equal(4u, 5u);
    }

    [Fact]
    public void ClearContents_ReusedBuffer_ShapesTheSameAsFresh()
    {
        _buffer.AddUtf16("שלום");
        _buffer.GuessSegmentProperties();
        _font.Shape(_buffer);

        _buffer.ClearContents();
        _buffer.AddUtf16("Hi");
        _buffer.Direction = Direction.LeftToRight;
        _buffer.GuessSegmentProperties();
        _font.Shape(_buffer);

        _buffer.Length.Should().Be(2);
        _buffer.GetGlyphInfoSpan().ToArray().Select(i => i.Codepoint).Should().Equal(_face.GetCharIndex('H'), _face.GetCharIndex('i'));
    }

    [Fact]
    public void BlobFaceFont_FromFile_SeeTheSameFontAsFreeType()
    {
        using Blob blob = Blob.FromFile(Fonts.DejaVuSans);
        using var face = new Face(blob, 0);
        using var font = new Font(face);
        font.SetScale(2048, 2048);

        blob.Length.Should().Be((int)new FileInfo(Fonts.DejaVuSans).Length);
        face.UnitsPerEm.Should().Be(2048);
        face.GlyphCount.Should().Be((int)_face.GlyphCount);
        font.GetScale().Should().Be((2048, 2048));
    }

    [Fact]
    public void BlobFromFile_MissingFile_ThrowsNamingThePath()
    {
        const string path = "/nonexistent/font.ttf";

        Action open = () => Blob.FromFile(path);

        open.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain(path);
    }

    [Theory]
    [InlineData('a', "Latn")]
    [InlineData('\u0627', "Arab")]
    [InlineData('\u05D0', "Hebr")]
    [InlineData('\u4E2D', "Hani")]
    [InlineData('\u0E01', "Thai")]
    [InlineData(' ', "Zyyy")]
    public void GetScript_CodePoint_IsItsUnicodeScript(char c, string tag)
    {
        UnicodeFunctions.GetScript(c).Should().Be(Script.FromTag(tag));
        UnicodeFunctions.GetScript(c).ToString().Should().Be(tag);
    }

    private uint ShapeOne(string letter)
    {
        using var buffer = new HbBuffer();
        buffer.AddUtf16(letter);
        buffer.GuessSegmentProperties();
        _font.Shape(buffer);
        return buffer.GetGlyphInfoSpan()[0].Codepoint;
    }
}
