using Captions.TestKit.Vision;

namespace Captions.Vision.Tests.Synthetic;

public sealed class SignVideoWriterTests
{
    [Fact]
    public void Write_Moving720p_ProbeReportsFrameCountSizeAndRate()
    {
        var video = SignVideoWriter.Write(SignVideoSpec.Moving720p(SyntheticSignCorpus.Sign("en-noparking-2line")));

        var probe = Probe(video.VideoPath);

        probe.Should().Be((75, 1280, 720, 15.0));
        video.Spec.Duration.Should().Be(TimeSpan.FromSeconds(5));
        video.ExpectedText.Should().Be("NO PARKING\nAT ANY TIME");
    }

    [Fact]
    public void Write_Moving1080p_ProbeReportsFullHd()
    {
        var video = SignVideoWriter.Write(SignVideoSpec.Moving1080p(SyntheticSignCorpus.Sign("en-noparking-2line")));

        Probe(video.VideoPath).Should().Be((75, 1920, 1080, 15.0));
        video.SignBox(74).Bounds.Right.Should().BeLessThanOrEqualTo(1920);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(74)]
    public void ReadFrame_AnyFrame_SignBoardWhereTheSpecPutsIt(int index)
    {
        var spec = SignVideoSpec.Moving720p(SyntheticSignCorpus.Sign("en-noparking-2line"));
        var video = SignVideoWriter.Write(spec);

        var frame = video.ReadFrame(index);
        var board = video.SignBox(index).Bounds;

        frame.Width.Should().Be(1280);
        frame.Sequence.Should().Be(index);
        // Inside the board near its corners: the sign's red (H.264 keeps flat colour within a few levels).
        PixelProbe.Distance(frame, (int)board.Left + 4, (int)board.Top + 4, spec.Sign.Background).Should().BeLessThan(40);
        PixelProbe.Distance(frame, (int)board.Right - 5, (int)board.Bottom - 5, spec.Sign.Background).Should().BeLessThan(40);

        // Just outside the left edge: testsrc2 background, not the sign.
        PixelProbe.Distance(frame, (int)board.Left - 6, (int)board.Top + 20, spec.Sign.Background).Should().BeGreaterThan(40);

        // The text lines sit inside the board and carry white ink.
        var line = video.LineBoxes(index)[0].Bounds;
        board.Contains(line).Should().BeTrue();
        var white = 0;
        for (var x = (int)line.Left; x < (int)line.Right; x++)
        {
            white += PixelProbe.Distance(frame, x, (int)line.Top + ((int)line.Height / 2), 0xFFFFFF) < 90 ? 1 : 0;
        }

        white.Should().BeGreaterThan(10);
    }

    [Fact]
    public void Write_SameSpecTwice_ByteIdentical()
    {
        var spec = new SignVideoSpec
        {
            Name = "determinism", Sign = SyntheticSignCorpus.Sign("de-ausgang-clean") with { Width = 320, Height = 120, FontSize = 40 },
            Width = 640, Height = 360, FrameCount = 12, Background = VideoBackground.TestPattern, Y = 100, PixelsPerFrame = 8,
        };
        var first = SignVideoWriter.Write(spec);
        var bytes = File.ReadAllBytes(first.VideoPath);
        File.Delete(first.VideoPath);

        var second = SignVideoWriter.Write(spec);

        File.ReadAllBytes(second.VideoPath).Should().Equal(bytes);
    }

    [Fact]
    public void ReadAllFrames_SmallVideo_EveryFrameInOrderMatchingReadFrame()
    {
        var spec = new SignVideoSpec
        {
            Name = "all-frames", Sign = SyntheticSignCorpus.Sign("fr-sortie-clean") with { Width = 320, Height = 120, FontSize = 40 },
            Width = 640, Height = 360, FrameCount = 8, Background = VideoBackground.Plain, Y = 100, PixelsPerFrame = 10,
        };
        var video = SignVideoWriter.Write(spec);

        var frames = video.ReadAllFrames();

        frames.Should().HaveCount(8);
        frames.Select(f => f.Sequence).Should().Equal(Enumerable.Range(0, 8).Select(i => (long)i));
        frames[5].Pixels.Should().Equal(video.ReadFrame(5).Pixels);
        frames[5].Timestamp.Should().Be(TimeSpan.FromSeconds(5 / 15.0));
    }

    [Fact]
    public void Write_SignLeavingTheFrame_ThrowsNamingTheVideo()
    {
        var spec = SignVideoSpec.Moving720p(SyntheticSignCorpus.Sign("en-exit-clean")) with { PixelsPerFrame = 40 };

        var act = () => SignVideoWriter.Write(spec);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*en-exit-clean-720p*leaves the 1280x720 frame*");
    }

    private static (int Frames, int Width, int Height, double Fps) Probe(string path)
    {
        var text = System.Text.Encoding.ASCII.GetString(RunProbe(path));
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var rate = values["r_frame_rate"].Split('/');
        return (int.Parse(values["nb_read_frames"]), int.Parse(values["width"]), int.Parse(values["height"]), double.Parse(rate[0]) / double.Parse(rate[1]));
    }

    private static byte[] RunProbe(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames,width,height,r_frame_rate", "-of", "default=noprint_wrappers=1", path })
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        process.ExitCode.Should().Be(0);
        return output.ToArray();
    }
}
