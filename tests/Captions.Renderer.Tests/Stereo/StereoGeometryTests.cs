using Captions.Renderer.Drawing;
using Captions.Renderer.Stereo;

namespace Captions.Renderer.Tests.Stereo;

public sealed class StereoGeometryTests
{
    [Fact]
    public void Compute_1920Px45Deg63Mm2M_ShiftIs37Pixels()
    {
        var options = new StereoOptions { DepthMetres = 2.0, IpdMillimetres = 63, FieldOfViewDegrees = 45 };

        var geometry = StereoGeometry.Compute(options, 1920);

        var focal = 960 / Math.Tan(22.5 * Math.PI / 180);
        geometry.FocalLengthPixels.Should().BeApproximately(focal, 1e-9);
        geometry.FocalLengthPixels.Should().BeApproximately(2317.6, 0.1);
        geometry.ShiftPixels.Should().Be((int)Math.Round(focal * 0.0315 / 2, MidpointRounding.AwayFromZero)).And.Be(37);
        geometry.IsClamped.Should().BeFalse();
    }

    [Fact]
    public void Compute_Default_LeftTowardsNoseRightOppositeByTwoD()
    {
        var geometry = StereoGeometry.Compute(new StereoOptions(), 1920);

        geometry.Left.Should().Be(new EyeOffset(geometry.ShiftPixels, 0));
        geometry.Right.Should().Be(new EyeOffset(-geometry.ShiftPixels, 0));
        (geometry.Left.X - geometry.Right.X).Should().Be(2 * 37);
    }

    [Fact]
    public void Compute_HalfTheDepth_DoublesTheShift()
    {
        var far = StereoGeometry.Compute(new StereoOptions { DepthMetres = 4 }, 3840);
        var near = StereoGeometry.Compute(new StereoOptions { DepthMetres = 2 }, 3840);

        near.ShiftPixels.Should().BeInRange((2 * far.ShiftPixels) - 1, (2 * far.ShiftPixels) + 1);
    }

    [Fact]
    public void Compute_InfiniteDepth_NoShift()
    {
        var geometry = StereoGeometry.Compute(new StereoOptions { DepthMetres = double.PositiveInfinity }, 1920);

        geometry.ShiftPixels.Should().Be(0);
        geometry.Left.Should().Be(default(EyeOffset));
        geometry.Right.Should().Be(default(EyeOffset));
    }

    [Fact]
    public void Compute_Calibration_AddedPerEye()
    {
        var options = new StereoOptions { LeftCalibration = new EyeOffset(3, -2), RightCalibration = new EyeOffset(-5, 4) };

        var geometry = StereoGeometry.Compute(options, 1920);

        geometry.Left.Should().Be(new EyeOffset(37 + 3, -2));
        geometry.Right.Should().Be(new EyeOffset(-37 - 5, 4));
    }

    [Fact]
    public void Compute_TinyDepth_ClampedToQuarterOfEyeWidthAndFlagged()
    {
        var geometry = StereoGeometry.Compute(new StereoOptions { DepthMetres = 0.001 }, 1920);

        geometry.IsClamped.Should().BeTrue();
        geometry.ShiftPixels.Should().Be(480);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Compute_UnusableDepth_ThrowsNamingTheDepth(double depth)
    {
        var act = () => StereoGeometry.Compute(new StereoOptions { DepthMetres = depth }, 1920);

        act.Should().Throw<ArgumentException>().WithMessage("*depth*metres*");
    }

    [Theory]
    [InlineData(6.3)]
    [InlineData(630.0)]
    [InlineData(double.NaN)]
    public void Compute_AbsurdIpd_ThrowsSayingMillimetres(double ipd)
    {
        var act = () => StereoGeometry.Compute(new StereoOptions { IpdMillimetres = ipd }, 1920);

        act.Should().Throw<ArgumentException>().WithMessage("*IPD*mm*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(180.0)]
    [InlineData(double.NaN)]
    public void Compute_AbsurdFieldOfView_Throws(double fov)
    {
        var act = () => StereoGeometry.Compute(new StereoOptions { FieldOfViewDegrees = fov }, 1920);

        act.Should().Throw<ArgumentException>().WithMessage("*field of view*degrees*");
    }
}
