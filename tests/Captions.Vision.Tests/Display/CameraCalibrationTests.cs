using System.Numerics;
using Captions.Vision.Display;
using Captions.Vision.Geometry;

namespace Captions.Vision.Tests.Display;

public sealed class CameraCalibrationTests
{
    [Fact]
    public void Fit_WiderCamera_ScalesToEyeWidthAndCentresVertically()
    {
        var fit = CameraCalibration.Fit(1920, 1080, 960, 720);

        fit.Map(new Vector2(0, 0)).Should().Be(new Vector2(0, 90));
        fit.Map(new Vector2(1920, 1080)).Should().Be(new Vector2(960, 630));
        fit.Map(new Vector2(960, 540)).Should().Be(new Vector2(480, 360));
    }

    [Fact]
    public void FromPoints_FourPairs_MapsEachPointAndKeepsLinesStraight()
    {
        Vector2[] camera = [new(100, 100), new(1180, 120), new(1150, 650), new(130, 600)];
        Vector2[] display = [new(0, 0), new(960, 0), new(960, 540), new(0, 540)];

        var calibration = CameraCalibration.FromPoints(camera, display);

        for (var i = 0; i < 4; i++)
        {
            var mapped = calibration.Map(camera[i]);
            mapped.X.Should().BeApproximately(display[i].X, 1e-2f);
            mapped.Y.Should().BeApproximately(display[i].Y, 1e-2f);
        }

        // A projective map keeps collinear points collinear: the midpoint of the camera's top edge lands on y = 0.
        var mid = calibration.Map((camera[0] + camera[1]) / 2);
        mid.Y.Should().BeApproximately(0, 1e-2f);
        mid.X.Should().BeInRange(0, 960);
    }

    [Fact]
    public void FromPoints_ThreePointsOnALine_ThrowsNamingDegenerate()
    {
        Vector2[] camera = [new(0, 0), new(10, 0), new(20, 0), new(0, 10)];
        Vector2[] display = [new(0, 0), new(10, 0), new(20, 0), new(0, 10)];

        var act = () => CameraCalibration.FromPoints(camera, display);

        act.Should().Throw<ArgumentException>().WithMessage("*degenerate*");
    }

    [Fact]
    public void Parse_Homography_RoundTripsThroughToString()
    {
        var parsed = CameraCalibration.Parse("h:0.5,0,10, 0,0.5,20, 0,0,1", 1280, 720, 960, 540);

        parsed.Map(new Vector2(100, 100)).Should().Be(new Vector2(60, 70));
        CameraCalibration.Parse(parsed.ToString(), 1, 1, 1, 1).Homography.Should().Equal(parsed.Homography);
    }

    [Fact]
    public void Parse_Points_MatchesFromPoints()
    {
        var parsed = CameraCalibration.Parse("points: 0,0=>10,10; 100,0=>110,10; 100,100=>110,110; 0,100=>10,110", 100, 100, 200, 200);

        parsed.Map(Quad.FromRectangle(new System.Drawing.RectangleF(0, 0, 50, 50))).Bounds.Location.X.Should().BeApproximately(10, 1e-3f);
        parsed.Map(new Vector2(50, 50)).Should().Be(new Vector2(60, 60));
    }

    [Theory]
    [InlineData("h:1,2,3", "*9 comma-separated*got 3*")]
    [InlineData("h:1,0,0,0,1,0,0,0,0", "*must not be 0*")]
    [InlineData("h:1,0,x,0,1,0,0,0,1", "*'x' is not a number*")]
    [InlineData("points:0,0=>1,1", "*exactly 4 point pairs*")]
    [InlineData("points:0,0->1,1", "*'cx,cy=>dx,dy'*")]
    [InlineData("stretch", "*'stretch' is not 'fit'*")]
    public void Parse_BadSetting_ThrowsFormatExceptionNamingSource(string setting, string message)
    {
        var act = () => CameraCalibration.Parse(setting, 1280, 720, 960, 540, "Vision:Calibration");

        act.Should().Throw<FormatException>().WithMessage("Vision:Calibration: " + message);
    }
}
