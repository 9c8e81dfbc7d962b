using System.Diagnostics.Metrics;
using Captions.Engine.Audio;
using Captions.Engine.Pipeline;
using Captions.TestKit.Diagnostics;
using Captions.TestKit.Pipeline;

namespace Captions.Engine.Tests.Pipeline;

public sealed class PipelineTests
{
    [Fact]
    public async Task Run_SourceTransformSink_DeliversEveryItemInOrderAndCompletes()
    {
        using var host = new PipelineTestHost();
        var numbers = host.Builder.AddEdge<int>(EdgeOptions.Messages("numbers", 4));
        var doubled = host.Builder.AddEdge<int>(EdgeOptions.Messages("doubled", 4));
        var seen = new List<int>();
        host.Builder.AddSource("count", numbers, async (output, ct) =>
        {
            for (var i = 0; i < 100; i++)
            {
                await output.WriteAsync(i, ct);
            }
        });
        host.Builder.AddTransform<int, int>("double", numbers, doubled, async (input, output, ct) =>
        {
            await foreach (var n in input.ReadAllAsync(ct))
            {
                await output.WriteAsync(n * 2, ct);
            }
        });
        host.Builder.AddSink<int>("collect", doubled, async (input, ct) =>
        {
            await foreach (var n in input.ReadAllAsync(ct))
            {
                seen.Add(n);
            }
        });

        var result = await host.StartAsync();

        seen.Should().Equal(Enumerable.Range(0, 100).Select(i => i * 2));
        result.Stopped.Should().BeFalse();
        result.TotalDropped.Should().Be(0);
        result.Edges.Should().OnlyContain(e => e.Written == 100);
    }

    [Fact]
    public async Task WaitEdge_ConsumerSlow_WriterWaitsAndNothingIsDropped()
    {
        using var host = new PipelineTestHost();
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Audio("audio", capacity: 3));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = 0;
        var seen = new List<int>();
        host.Builder.AddSource("capture", edge, async (output, ct) =>
        {
            for (var i = 0; i < 10; i++)
            {
                await output.WriteAsync(i, ct);
                Interlocked.Increment(ref written);
            }
        });
        host.Builder.AddSink<int>("slow", edge, async (input, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            await foreach (var n in input.ReadAllAsync(ct))
            {
                seen.Add(n);
            }
        });

        var run = host.StartAsync();
        await PipelineTestHost.WaitUntilAsync(() => edge.WriterWaits > 0, "the writer blocks on the full edge");

        Volatile.Read(ref written).Should().Be(3, "capacity 3 holds three items and the fourth write waits");
        gate.SetResult();
        var result = await run;

        seen.Should().Equal(Enumerable.Range(0, 10));
        result.TotalDropped.Should().Be(0);
        edge.WriterWaits.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task LatestEdge_ConsumerSlow_KeepsNewestAndCountsAndReleasesDrops()
    {
        using var host = new PipelineTestHost();
        var released = new List<int>();
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Latest("scene"), released.Add);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<int>();
        host.Builder.AddSource("producer", edge, async (output, ct) =>
        {
            for (var i = 1; i <= 10; i++)
            {
                (await output.WriteAsync(i, ct)).Should().BeTrue("DropOldest always accepts the newest item");
            }

            gate.SetResult();
        });
        host.Builder.AddSink<int>("renderer", edge, async (input, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            await foreach (var n in input.ReadAllAsync(ct))
            {
                seen.Add(n);
            }
        });

        var result = await host.StartAsync();

        seen.Should().Equal(10);
        result.Edges.Single().Dropped.Should().Be(9);
        released.Should().Equal(Enumerable.Range(1, 9), "every dropped item is handed back for release");
    }

    [Fact]
    public async Task LiveAudioEdge_FullLongerThanMaxWriteWait_DropsAndCountsTheFrame()
    {
        using var host = new PipelineTestHost();
        var options = EdgeOptions.Audio("mic", capacity: 2) with { MaxWriteWait = TimeSpan.FromMilliseconds(200) };
        var released = new List<int>();
        var edge = host.Builder.AddEdge<int>(options, released.Add);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcomes = new List<bool>();
        host.Builder.AddSource("mic", edge, async (output, ct) =>
        {
            for (var i = 0; i < 3; i++)
            {
                outcomes.Add(await output.WriteAsync(i, ct));
            }
        });
        var seen = new List<int>();
        host.Builder.AddSink<int>("stalled", edge, async (input, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            await foreach (var n in input.ReadAllAsync(ct))
            {
                seen.Add(n);
            }
        });

        var run = host.StartAsync();
        await PipelineTestHost.WaitUntilAsync(() => edge.WriterWaits == 1 && host.Time.ActiveTimers > 0, "the third write waits");
        host.Time.Advance(TimeSpan.FromMilliseconds(199));
        edge.Dropped.Should().Be(0, "the bound has not passed yet");
        host.Time.Advance(TimeSpan.FromMilliseconds(1));
        await PipelineTestHost.WaitUntilAsync(() => outcomes.Count == 3, "the write gives up");
        gate.SetResult();
        var result = await run;

        outcomes.Should().Equal(true, true, false);
        seen.Should().Equal(0, 1);
        result.TotalDropped.Should().Be(1);
        released.Should().Equal(2);
    }

    [Fact]
    public async Task SourceFault_PropagatesToSinkAfterDrainingAndNamesTheSource()
    {
        using var host = new PipelineTestHost();
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Messages("items", 8));
        var seen = new List<int>();
        var sinkFinallyRan = false;
        var boom = new InvalidDataException("input.wav: truncated");
        host.Builder.AddSource("reader", edge, async (output, ct) =>
        {
            await output.WriteAsync(1, ct);
            await output.WriteAsync(2, ct);
            throw boom;
        });
        host.Builder.AddSink<int>("writer", edge, async (input, ct) =>
        {
            try
            {
                await foreach (var n in input.ReadAllAsync(ct))
                {
                    seen.Add(n);
                }
            }
            finally
            {
                sinkFinallyRan = true;
            }
        });

        var act = () => host.StartAsync();

        var thrown = await act.Should().ThrowAsync<PipelineFaultedException>();
        thrown.Which.Stage.Should().Be("reader");
        thrown.Which.InnerException.Should().BeSameAs(boom);
        seen.Should().Equal(1, 2);
        sinkFinallyRan.Should().BeTrue();
    }

    [Fact]
    public async Task SinkFault_CancelsUpstreamBlockedOnFullEdge_NoDeadlock()
    {
        using var host = new PipelineTestHost();
        var first = host.Builder.AddEdge<int>(EdgeOptions.Audio("first", 1));
        var second = host.Builder.AddEdge<int>(EdgeOptions.Audio("second", 1));
        var sourceCancelled = false;
        host.Builder.AddSource("endless", first, async (output, ct) =>
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    await output.WriteAsync(i, ct);
                }
            }
            catch (OperationCanceledException)
            {
                sourceCancelled = true;
                throw;
            }
        });
        host.Builder.AddTransform<int, int>("pass", first, second, async (input, output, ct) =>
        {
            await foreach (var n in input.ReadAllAsync(ct))
            {
                await output.WriteAsync(n, ct);
            }
        });
        host.Builder.AddSink<int>("broken", second, async (input, ct) =>
        {
            await input.ReadAsync(ct);
            throw new IOException("disk full");
        });

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<PipelineFaultedException>()).Which.Stage.Should().Be("broken");
        sourceCancelled.Should().BeTrue();
    }

    [Fact]
    public async Task Stop_CancelsSourceOnly_DownstreamDrainsEverythingQueued()
    {
        using var host = new PipelineTestHost();
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Messages("items", 16));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<int>();
        var completed = false;
        host.Builder.AddSource("live", edge, async (output, ct) =>
        {
            for (var i = 0; i < 5; i++)
            {
                await output.WriteAsync(i, ct);
            }

            await Task.Delay(Timeout.Infinite, ct);
        });
        host.Builder.AddSink<int>("file", edge, async (input, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            await foreach (var n in input.ReadAllAsync(ct))
            {
                seen.Add(n);
            }

            completed = true;
        });

        var run = host.StartAsync();
        await PipelineTestHost.WaitUntilAsync(() => edge.Written == 5, "five items are queued");
        host.Stop();
        gate.SetResult();
        var result = await run;

        result.Stopped.Should().BeTrue();
        result.DrainTimedOut.Should().BeFalse();
        seen.Should().Equal(0, 1, 2, 3, 4);
        completed.Should().BeTrue("the sink saw the end of its input and closed normally");
    }

    [Fact]
    public async Task Stop_ConsumerStalled_DrainTimeoutOnDrivenClockAbortsTheRun()
    {
        using var host = new PipelineTestHost();
        host.Builder.DrainTimeout = TimeSpan.FromSeconds(5);
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Messages("items", 4));
        var stalled = false;
        host.Builder.AddSource("live", edge, async (output, ct) =>
        {
            await output.WriteAsync(1, ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        host.Builder.AddSink<int>("stuck", edge, async (input, ct) =>
        {
            stalled = true;
            await Task.Delay(Timeout.Infinite, ct);
        });

        var run = host.StartAsync();
        await PipelineTestHost.WaitUntilAsync(() => stalled && edge.Written == 1, "the sink stalls");
        host.Stop();
        host.Time.Advance(TimeSpan.FromSeconds(4.9));
        run.IsCompleted.Should().BeFalse("the drain timeout has not passed");
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await run;

        result.Stopped.Should().BeTrue();
        result.DrainTimedOut.Should().BeTrue();
    }

    [Fact]
    public async Task Metrics_CountItemsAndDropsPerEdge()
    {
        using var host = new PipelineTestHost();
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Latest("latest"));
        var measurements = new List<(string Instrument, long Value, string? Edge)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, host.Builder.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tags.ToArray().Single(t => t.Key == "edge").Value as string));
            }
        });
        listener.Start();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Builder.AddSource("p", edge, async (output, ct) =>
        {
            for (var i = 0; i < 3; i++)
            {
                await output.WriteAsync(i, ct);
            }

            gate.SetResult();
        });
        host.Builder.AddSink<int>("c", edge, async (input, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            await foreach (var unused in input.ReadAllAsync(ct))
            {
            }
        });

        await host.StartAsync();

        lock (measurements)
        {
            measurements.Where(m => m.Instrument == "captions.edge.items").Sum(m => m.Value).Should().Be(3);
            measurements.Where(m => m.Instrument == "captions.edge.dropped").Sum(m => m.Value).Should().Be(2);
            measurements.Should().OnlyContain(m => m.Edge == "latest");
        }
    }

    [Fact]
    public void Build_EdgeWithoutReader_Throws()
    {
        using var host = new PipelineTestHost();
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Messages("orphan"));
        host.Builder.AddSource("p", edge, (_, _) => Task.CompletedTask);

        var act = () => host.Builder.Build();

        act.Should().Throw<InvalidOperationException>().WithMessage("*orphan*no reader*");
    }

    [Fact]
    public void AddSink_SecondReaderOnSameEdge_Throws()
    {
        using var host = new PipelineTestHost();
        var edge = host.Builder.AddEdge<int>(EdgeOptions.Messages("one"));
        host.Builder.AddSink<int>("a", edge, (_, _) => Task.CompletedTask);

        var act = () => host.Builder.AddSink<int>("b", edge, (_, _) => Task.CompletedTask);

        act.Should().Throw<InvalidOperationException>().WithMessage("*already has a reader*");
    }

    [Fact]
    public async Task Edge_SteadyStateWriteAndRead_AllocatesNothing()
    {
        using var host = new PipelineTestHost();
        var edge = host.Builder.AddEdge<AudioFrame>(EdgeOptions.Audio("audio", 4), f => f.Release());
        var reader = edge.Reader;
        var buffer = AudioFrame.RentBuffer();
        var frame = new AudioFrame(buffer, AudioFormat.FrameSamples, 0, default);

        for (var i = 0; i < 1000; i++)
        {
            await edge.WriteAsync(frame, CancellationToken.None);
            reader.TryRead(out _);
        }

        var writes = 0;
        var synchronous = 0;
        var allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                writes++;
                var written = edge.WriteAsync(frame, CancellationToken.None);
                synchronous += written.IsCompletedSuccessfully ? 1 : 0;
                _ = reader.TryRead(out _);
            },
            iterations: 10_000);

        allocated.Should().Be(0);
        synchronous.Should().Be(writes, "a write to an edge with room completes synchronously");
        frame.Release();
    }
}
