using System.Drawing;
using Captions.Vision.Geometry;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;
using Captions.Vision.Tracking;

namespace Captions.Vision.Tests.Tracking;

public sealed class SignTrackerTests
{
    [Fact]
    public void Update_SignMovingAcrossFrames_KeepsOneId()
    {
        var tracker = new SignTracker();
        var ids = new HashSet<long>();
        for (var f = 0; f < 60; f++)
        {
            var match = tracker.Update([Observe(20 + (f * 18), 300, 240, 60)]).Single();
            ids.Add(match.Track.Id);
            if (match.NeedsRecognition)
            {
                tracker.AddReading(match.Track, Read("EXIT"));
            }
        }

        ids.Should().ContainSingle();
        tracker.Tracks.Should().ContainSingle().Which.ShownText.Should().Be("EXIT");
    }

    [Fact]
    public void Update_SteadySignAfterVote_NeedsNoMoreRecognition()
    {
        var tracker = new SignTracker();
        var reads = 0;
        for (var f = 0; f < 30; f++)
        {
            var match = tracker.Update([Observe(100, 100, 200, 50)]).Single();
            if (match.NeedsRecognition)
            {
                reads++;
                tracker.AddReading(match.Track, Read("Bahnhof"));
            }
        }

        reads.Should().Be(2, "two agreeing readings win the vote (Votes = 2), then an unchanged region is not read again");
    }

    [Fact]
    public void Update_ChangedFingerprint_NeedsRecognitionAgain()
    {
        var tracker = new SignTracker();
        var a = Fingerprint(seed: 1);
        var b = Fingerprint(seed: 2);
        var box = Box(100, 100, 200, 50);
        for (var f = 0; f < 3; f++)
        {
            var m = tracker.Update([new TrackObservation(box, a)]).Single();
            if (m.NeedsRecognition)
            {
                tracker.AddReading(m.Track, Read("OPEN"));
            }
        }

        tracker.Update([new TrackObservation(box, a)]).Single().NeedsRecognition.Should().BeFalse();
        tracker.Update([new TrackObservation(box, b)]).Single().NeedsRecognition.Should().BeTrue();
    }

    [Fact]
    public void AddReading_AlternatingMisreads_ShowsSteadyReading()
    {
        var tracker = new SignTracker();
        var shown = new List<string?>();
        for (var f = 0; f < 40; f++)
        {
            var m = tracker.Update([Observe(100, 100, 200, 50)]).Single();
            tracker.AddReading(m.Track, Read(f % 2 == 0 ? "EXIT" : "EX1T"));
            shown.Add(m.Track.ShownText);
        }

        shown.Skip(2).Distinct().Should().Equal("EXIT");
        shown.Take(2).Should().Equal(null, null);
    }

    [Fact]
    public void AddReading_SingleMisread_NeverShown()
    {
        var tracker = new SignTracker();
        var readings = new[] { "SALIDA", "SALIDA", "5ALIDA", "SALIDA", "SALIDA", "SAL1DA", "SALIDA" };
        var shown = new List<string?>();
        foreach (var r in readings)
        {
            var m = tracker.Update([Observe(100, 100, 200, 50)]).Single();
            tracker.AddReading(m.Track, Read(r));
            shown.Add(m.Track.ShownText);
        }

        shown.Should().Equal(null, "SALIDA", "SALIDA", "SALIDA", "SALIDA", "SALIDA", "SALIDA");
    }

    [Fact]
    public void AddReading_SimilarReadingOutVotes_ChangesShownTextKeepsId()
    {
        var tracker = new SignTracker();
        var m = tracker.Update([Observe(100, 100, 200, 50)]).Single();
        var id = m.Track.Id;
        var outcomes = new List<ReadingOutcome>();
        foreach (var r in new[] { "EX1T", "EX1T", "EXIT", "EXIT", "EXIT", "EXIT", "EXIT" })
        {
            outcomes.Add(tracker.AddReading(tracker.Update([Observe(100, 100, 200, 50)]).Single().Track, Read(r)));
        }

        outcomes.Should().Equal(ReadingOutcome.Counted, ReadingOutcome.Shown, ReadingOutcome.Counted, ReadingOutcome.Counted, ReadingOutcome.Counted, ReadingOutcome.Changed, ReadingOutcome.Counted);
        tracker.Tracks.Single().ShownText.Should().Be("EXIT");
        tracker.Tracks.Single().Id.Should().Be(id);
    }

    [Fact]
    public void AddReading_DifferentTextInSamePlace_GetsNewId()
    {
        var tracker = new SignTracker();
        SignTrack track = null!;
        foreach (var r in new[] { "OPEN", "OPEN", "CLOSED", "CLOSED" })
        {
            track = tracker.Update([Observe(100, 100, 200, 50)]).Single().Track;
            tracker.AddReading(track, Read(r));
        }

        track.Id.Should().Be(2);
        track.ShownText.Should().Be("CLOSED");
    }

    [Fact]
    public void Settle_TrackReadOnce_ShowsItsLeadingReading()
    {
        var tracker = new SignTracker();
        var m = tracker.Update([Observe(100, 100, 200, 50), Observe(100, 300, 200, 50)]);
        tracker.AddReading(m[0].Track, Read("Bahnhof"));

        tracker.Settle().Should().Be(1, "the second region was never read");
        m[0].Track.ShownText.Should().Be("Bahnhof");
        m[1].Track.ShownText.Should().BeNull();
    }

    [Fact]
    public void Update_NewSign_GetsNewId()
    {
        var tracker = new SignTracker();
        var first = tracker.Update([Observe(100, 100, 200, 50)]).Single();
        var second = tracker.Update([Observe(100, 100, 200, 50), Observe(600, 400, 200, 50)]);

        second[0].Track.Id.Should().Be(first.Track.Id);
        second[0].IsNew.Should().BeFalse();
        second[1].IsNew.Should().BeTrue();
        second[1].Track.Id.Should().NotBe(first.Track.Id);
    }

    [Fact]
    public void Update_UnseenForRetireAfterFrames_Retires()
    {
        var tracker = new SignTracker(new SignTrackerOptions { RetireAfterFrames = 4 });
        var id = tracker.Update([Observe(100, 100, 200, 50)]).Single().Track.Id;
        for (var f = 1; f < 4; f++)
        {
            tracker.Update([]);
            tracker.Tracks.Should().ContainSingle($"unseen for {f} frames, under the limit");
            tracker.RetiredLastUpdate.Should().BeEmpty();
        }

        tracker.Update([]);
        tracker.Tracks.Should().BeEmpty();
        tracker.RetiredLastUpdate.Should().ContainSingle().Which.Id.Should().Be(id);
    }

    [Fact]
    public void Update_SignBackWithinRetireLimit_KeepsId()
    {
        var tracker = new SignTracker();
        var id = tracker.Update([Observe(100, 100, 200, 50)]).Single().Track.Id;
        tracker.Update([]);
        tracker.Update([]);
        tracker.Update([Observe(104, 100, 200, 50)]).Single().Track.Id.Should().Be(id);
    }

    [Fact]
    public void Update_TwoSignsSideBySideMoving_NeverSwapIds()
    {
        var tracker = new SignTracker();
        long left = 0, right = 0;
        for (var f = 0; f < 50; f++)
        {
            // Adjacent boxes (no gap), moving together 15 px a frame; the detector lists them in either order.
            var l = Observe(50 + (f * 15), 200, 200, 50);
            var r = Observe(250 + (f * 15), 200, 200, 50);
            var matches = f % 2 == 0 ? tracker.Update([l, r]) : tracker.Update([r, l]);
            var (ml, mr) = f % 2 == 0 ? (matches[0], matches[1]) : (matches[1], matches[0]);
            if (f == 0)
            {
                (left, right) = (ml.Track.Id, mr.Track.Id);
            }

            ml.Track.Id.Should().Be(left, $"frame {f}");
            mr.Track.Id.Should().Be(right, $"frame {f}");
        }

        left.Should().NotBe(right);
    }

    [Fact]
    public void Update_FastMotionWithoutOverlap_MatchesByCentreDistance()
    {
        var tracker = new SignTracker();
        var id = tracker.Update([Observe(100, 100, 100, 40)]).Single().Track.Id;
        // Moves 50 px (half the width): bounds IoU 0.33... then 0 when moving 100+; 45 px right and 20 down: still near.
        tracker.Update([Observe(145, 120, 100, 40)]).Single().Track.Id.Should().Be(id);
    }

    [Fact]
    public void Update_TinyBoxInsideBigBox_DoesNotMatch()
    {
        var tracker = new SignTracker();
        var big = tracker.Update([Observe(100, 100, 400, 100)]).Single().Track.Id;
        var next = tracker.Update([Observe(120, 120, 40, 10)]).Single();
        next.IsNew.Should().BeTrue();
        next.Track.Id.Should().NotBe(big);
    }

    [Fact]
    public void Fingerprint_SameContentShiftedAndBrighter_IsClose_DifferentContent_IsFar()
    {
        var a = Fingerprint(seed: 7);
        var brighter = Fingerprint(seed: 7, offset: 40);
        var other = Fingerprint(seed: 8);

        a.Distance(brighter).Should().BeLessThan(0.1f);
        a.Distance(other).Should().BeGreaterThan(0.35f);
        CropFingerprint.None.Distance(a).Should().Be(float.PositiveInfinity);
        CropFingerprint.None.Distance(CropFingerprint.None).Should().Be(0f);
    }

    [Fact]
    public void TextSimilarity_Misread_IsHigh_DifferentWord_IsLow()
    {
        TextSimilarity.Of("EXIT", "EX1T").Should().Be(0.75f);
        TextSimilarity.Of("Exit ", "exit").Should().Be(1f);
        TextSimilarity.Of("OPEN", "CLOSED").Should().BeLessThan(0.5f);
    }

    private static Quad Box(float x, float y, float w, float h) => Quad.FromRectangle(new RectangleF(x, y, w, h));

    private static TrackObservation Observe(float x, float y, float w, float h) => new(Box(x, y, w, h), CropFingerprint.None);

    private static RecognizedText Read(string text) => new(text, 0.9f, "scripted");

    private static CropFingerprint Fingerprint(int seed, int offset = 0)
    {
        var frame = ImageFrame.Create(64, 16);
        var random = new Random(seed);
        for (var y = 0; y < 16; y++)
        {
            var row = frame.Row(y);
            for (var x = 0; x < 64; x += 4)
            {
                var v = (byte)Math.Clamp(random.Next(30, 200) + offset, 0, 255);
                for (var k = 0; k < 12; k++)
                {
                    row[(x * 3) + k] = v;
                }
            }
        }

        return CropFingerprint.Compute(frame, Box(0, 0, 64, 16));
    }
}
