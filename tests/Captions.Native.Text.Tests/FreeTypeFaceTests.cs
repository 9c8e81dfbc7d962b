using Captions.Native.FreeType;

namespace Captions.Native.Text.Tests;

public sealed class FreeTypeFaceTests : IDisposable
{
    private readonly FreeTypeLibrary _library = new();

    public void Dispose() => _library.Dispose();

    [Fact]
    public void Library_Loaded_IsFreeType2()
    {
        _library.Version.Major.Should().Be(2);
        _library.Version.Minor.Should().BeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void OpenFace_DejaVuSans_ReadsFaceRecordAtMeasuredOffsets()
    {
        using FreeTypeFace face = _library.OpenFace(Fonts.DejaVuSans);

        // DejaVu Sans 2.37 head/hhea values: cross-check every offset of FT_FaceRec we read.
        face.FamilyName.Should().Be("DejaVu Sans");
        face.FaceCount.Should().Be(1);
        face.GlyphCount.Should().BeInRange(5000, 7000);
        face.UnitsPerEm.Should().Be(2048);
        face.Ascender.Should().Be(1901);
        face.Descender.Should().Be(-483);
        face.Height.Should().Be(2384);
    }

    [Fact]
    public void SetPixelSizes_32Px_SizeMetricsAreRoundedPixels()
    {
        using FreeTypeFace face = _library.OpenFace(Fonts.DejaVuSans);

        face.SetPixelSizes(0, 32);

        SizeMetrics metrics = face.SizeMetrics;
        metrics.XPpem.Should().Be(32);
        metrics.YPpem.Should().Be(32);
        metrics.Ascender.Should().Be(30 * 64, "ceil(1901 * 32 / 2048) = 30 px");
        metrics.Descender.Should().Be(-8 * 64, "floor(-483 * 32 / 2048) = -8 px");
        metrics.Height.Should().Be(37 * 64, "round(2384 * 32 / 2048) = 37 px");
        metrics.MaxAdvance.Should().BeGreaterThan(32 * 64);
    }

    [Fact]
    public void LoadAndRender_CapitalH_GivesGrayBitmapOnTheBaseline()
    {
        using FreeTypeFace face = _library.OpenFace(Fonts.DejaVuSans);
        face.SetPixelSizes(0, 32);
        uint glyph = face.GetCharIndex('H');

        face.LoadGlyph(glyph, LoadFlags.TargetLight | LoadFlags.NoBitmap);
        face.RenderGlyph(RenderMode.Normal);

        GlyphSlot slot = face.Glyph;
        GlyphBitmap bitmap = slot.Bitmap;
        slot.GlyphIndex.Should().Be(glyph);
        bitmap.PixelMode.Should().Be(PixelMode.Gray);

        // Cap height 1493/2048 em = 23.3 px; 'H' advance 1505/2048 em = 23.5 px; stems 2 x ~3 px.
        bitmap.Rows.Should().BeInRange(22, 25);
        slot.BitmapTop.Should().Be(bitmap.Rows, "H sits on the baseline");
        bitmap.Width.Should().BeInRange(16, 22);
        bitmap.Pitch.Should().BeGreaterThanOrEqualTo(bitmap.Width);
        slot.BitmapLeft.Should().BeInRange(1, 5);
        slot.AdvanceX.Should().BeInRange(23 * 64, 24 * 64);
        bitmap.Buffer.Length.Should().Be(bitmap.Rows * bitmap.Pitch);
        bitmap.Buffer.ToArray().Should().Contain(255, "stems are fully covered");
    }

    [Fact]
    public void GetCharIndex_CodePointOutsideTheFont_IsZero()
    {
        using FreeTypeFace face = _library.OpenFace(Fonts.DejaVuSans);

        face.GetCharIndex('A').Should().NotBe(0u);
        face.GetCharIndex(0x0627).Should().NotBe(0u, "DejaVu Sans has Arabic");
        face.GetCharIndex(0x4E2D).Should().Be(0u, "DejaVu Sans has no CJK ideographs");
    }

    [Fact]
    public void OpenFace_CollectionIndex_OpensTheRequestedFace()
    {
        using FreeTypeFace first = _library.OpenFace(Fonts.WenQuanYiMicroHei, 0);
        using FreeTypeFace second = _library.OpenFace(Fonts.WenQuanYiMicroHei, 1);

        first.FaceCount.Should().BeGreaterThanOrEqualTo(2);
        first.FaceIndex.Should().Be(0);
        first.FamilyName.Should().NotBe(second.FamilyName);
        first.GetCharIndex(0x4E2D).Should().NotBe(0u);
    }

    [Fact]
    public void OpenFace_MissingFile_ThrowsNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-font-{Guid.NewGuid():N}.ttf");

        Action open = () => _library.OpenFace(path);

        open.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain(path);
    }

    [Fact]
    public void OpenFace_CorruptFile_ThrowsFreeTypeExceptionNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.ttf");
        var garbage = new byte[4096];
        new Random(5).NextBytes(garbage);
        File.WriteAllBytes(path, garbage);
        try
        {
            Action open = () => _library.OpenFace(path);

            FreeTypeException error = open.Should().Throw<FreeTypeException>().Which;
            error.FontPath.Should().Be(path);
            error.Message.Should().Contain(path).And.Contain("FT_New_Face");
            error.ErrorName.Should().Be("FT_Err_Unknown_File_Format");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OpenFace_FaceIndexPastTheCollection_ThrowsFreeTypeException()
    {
        Action open = () => _library.OpenFace(Fonts.DejaVuSans, 7);

        open.Should().Throw<FreeTypeException>().Which.ErrorName.Should().Be("FT_Err_Invalid_Argument");
    }

    [Fact]
    public void Face_AfterLibraryDispose_StaysUsableUntilItIsDisposed()
    {
        var library = new FreeTypeLibrary();
        FreeTypeFace face = library.OpenFace(Fonts.DejaVuSans);

        library.Dispose();

        face.UnitsPerEm.Should().Be(2048, "the face handle holds a reference on the library handle");
        face.Dispose();
        Action use = () => _ = face.UnitsPerEm;
        use.Should().Throw<ObjectDisposedException>();
    }
}
