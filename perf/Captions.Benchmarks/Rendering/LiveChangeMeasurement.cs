using System.Diagnostics;
using Captions.Engine.Captioning;
using Captions.Renderer.OpenGL;
using Captions.Renderer.Text;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// Caption change to frame ready across threads, as in the live display: this (render) thread draws frames back to
/// back (compose + draw both eyes + glFinish, unpaced: no vsync headless), while a producer task applies each new line
/// through <see cref="Renderer.Scene.CaptionSceneBuilder.Apply"/> 20..60 ms apart. Latency = glFinish of the first
/// frame whose presented record names the line, minus the moment just before Apply. It includes the rest of the frame
/// in flight when the change arrived (on average half a frame) plus the frame that shows it. A line replaced by the
/// next one before any frame showed it (a frame slower than the gap) is counted, not timed.
/// Threading model: call on the thread the GL context is current on; the producer runs on the thread pool.
/// </summary>
internal sealed class LiveChangeMeasurement(HeadlessRenderer renderer, FontCollection fonts)
{
    /// <summary>The manual clock's step per frame (60 Hz), so roll-ups and hold times move as on a display.</summary>
    private static readonly TimeSpan s_frameStep = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 60);

    public int Missed { get; private set; }

    /// <param name="lines">Builds the lines on the rig (ids in order); the first <paramref name="warm"/> are not timed.</param>
    public Measurement Run(string key, string label, Func<CaptionRig, CaptionLine[]> lines, int warm)
    {
        using var rig = new CaptionRig(renderer.EyeWidth, renderer.EyeHeight, fonts);
        var all = lines(rig);
        long firstId = all[0].Id;
        var applied = new long[all.Length];
        var ready = new long[all.Length];
        for (int i = 0; i < 5; i++)
        {
            rig.Compose();
            renderer.Draw(rig.Frame);
            renderer.Finish();
        }

        var producer = Task.Run(async () =>
        {
            var random = new Random(7);
            for (int i = 0; i < all.Length; i++)
            {
                await Task.Delay(random.Next(20, 61)).ConfigureAwait(false);
                Volatile.Write(ref applied[i], Stopwatch.GetTimestamp());
                rig.Builder.Apply(all[i]);
            }
        });

        int presented = 0;
        int framesAfterProducer = 0;
        long deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        while (presented < all.Length && framesAfterProducer < 10)
        {
            if (producer.IsCompleted)
            {
                framesAfterProducer++;
            }

            rig.Clock.Advance(s_frameStep);
            rig.Compose();
            renderer.Draw(rig.Frame);
            renderer.Finish();
            long done = Stopwatch.GetTimestamp();
            rig.Composer.OnPresented(rig.Clock.GetTimestamp());
            while (rig.Composer.Presented.Reader.TryRead(out var record))
            {
                long index = record.LineId - firstId;
                if (index >= 0 && index < all.Length && ready[index] == 0)
                {
                    ready[index] = done;
                    presented++;
                }
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{label}: {presented} of {all.Length} changes presented after 60 s of frames");
            }
        }

        // The last Apply has returned (its line was presented); collect the task's end on this thread, which must
        // stay the one the GL context is current on (an await could resume elsewhere).
        producer.GetAwaiter().GetResult();
        var samples = new List<double>();
        Missed = 0;
        for (int i = warm; i < all.Length; i++)
        {
            if (ready[i] == 0)
            {
                Missed++;
                continue;
            }

            samples.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref applied[i]), ready[i]).TotalMilliseconds);
        }

        return new Measurement(key, label, "ms", [.. samples])
        {
            Note = $"{samples.Count} timed, {Missed} replaced before any frame showed them",
        };
    }
}
