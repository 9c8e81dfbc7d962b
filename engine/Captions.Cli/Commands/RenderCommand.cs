using System.CommandLine;
using System.Globalization;
using Captions.Cli.Configuration;
using Captions.Cli.Display;
using Captions.Engine.Captioning;
using Captions.Engine.Timing;
using Captions.Renderer.Drawing;
using Captions.Renderer.Imaging;
using Captions.Renderer.Layout;
using Captions.Renderer.OpenGL;
using Captions.Renderer.Scene;
using Captions.Renderer.Text;
using Captions.Renderer.Threading;

namespace Captions.Cli.Commands;

/// <summary>
/// `captions render`: draws one caption as the glasses would show it and writes a PNG. sbs writes both eyes side by
/// side (left eye on the left), dual writes OUT-left.png and OUT-right.png, mono writes one eye. Uses headless OpenGL;
/// where there is none it says so and draws with the CPU reference renderer (same blend math, same pixels within
/// the tolerance the GL tests document).
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Option<string>("--text") { Description = "Caption text (the recognised speech)", Required = true };
        var translation = new Option<string?>("--translation") { Description = "Translated text, shown large with the source smaller above" };
        var partial = new Option<string?>("--partial") { Description = "Words still changing after --text, drawn dimmer" };
        var output = new Option<string>("--out", "-o") { Description = "PNG file to write", DefaultValueFactory = _ => "frame.png" };
        var eye = new Option<string?>("--eye") { Description = "Pixels of one eye, WIDTHxHEIGHT (default 1920x1080)" };
        var layout = new Option<string>("--layout") { Description = "sbs (both eyes side by side), dual (a file per eye), mono (one eye, no disparity)", DefaultValueFactory = _ => "sbs" };
        layout.AcceptOnlyFromAmong("sbs", "dual", "mono");
        var depth = new Option<double?>("--depth") { Description = "Caption plane distance in metres (stereo disparity)" };
        var cpu = new Option<bool>("--cpu") { Description = "Draw with the CPU reference renderer instead of OpenGL" };
        var config = CommonOptions.Config();
        var command = new Command("render", "Draw one caption for both eyes and write it as a PNG")
        {
            text, translation, partial, output, eye, layout, depth, cpu, config,
        };
        command.SetAction(parse =>
        {
            try
            {
                var settings = context.LoadSettings(parse.GetValue(config));
                if (parse.GetValue(eye) is { } size)
                {
                    settings.Display.Eye = size;
                }

                if (parse.GetValue(depth) is { } metres)
                {
                    settings.Display.DepthMetres = metres;
                }

                SettingsLoader.Validate(settings);
                return Run(context, settings, parse.GetRequiredValue(layout), parse.GetRequiredValue(text), parse.GetValue(translation), parse.GetValue(partial), parse.GetRequiredValue(output), parse.GetValue(cpu));
            }
            catch (Exception ex) when (Describe(ex) is { } message)
            {
                context.Error.WriteLine($"captions: {message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static int Run(CliContext context, CaptionsSettings settings, string layoutName, string text, string? translation, string? partial, string output, bool cpu)
    {
        DisplayTarget.TryParse(layoutName, out var target);
        var options = DisplayFactory.Options(settings.Display, target, expectTranslation: translation is not null);
        var eyeWidth = options.Display.EyeWidth;
        var eyeHeight = options.Display.EyeHeight;
        var time = TimeProvider.System;

        using var fonts = new FontCollection(options.Fonts ?? FontCollection.DefaultChain);
        foreach (var skipped in fonts.Skipped)
        {
            context.Error.WriteLine($"captions: font skipped: {skipped}");
        }

        using var layouter = new TextLayouter(new GlyphAtlas(options.AtlasSize, options.AtlasSize), fonts);
        var scenes = new TripleBuffer<CaptionScene>(() => new CaptionScene());
        var builder = new CaptionSceneBuilder(scenes, time);
        builder.Apply(Line(text, translation, partial, time.GetTimestamp()));
        var composer = new CaptionComposer(scenes, layouter, time, options.Style, options.Stereo);
        var frame = new RenderFrame(eyeWidth, eyeHeight);
        composer.Compose(time.GetTimestamp(), frame);
        if (frame.Quads.Dropped > 0)
        {
            context.Error.WriteLine($"captions: the caption needs more than {frame.Quads.Capacity} quads; {frame.Quads.Dropped} were not drawn");
        }

        var pixels = new byte[CpuReferenceRenderer.BufferSize(frame)];
        var renderer = "CPU reference";
        if (!cpu)
        {
            try
            {
                using var gl = HeadlessRenderer.Create(eyeWidth, eyeHeight);
                gl.Render(frame, pixels);
                renderer = gl.RendererName;
            }
            catch (GraphicsUnavailableException ex)
            {
                context.Error.WriteLine($"captions: no OpenGL here ({ex.Message}); drawing with the CPU reference renderer instead");
                CpuReferenceRenderer.Render(frame, pixels);
            }
        }
        else
        {
            CpuReferenceRenderer.Render(frame, pixels);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var stride = 2 * eyeWidth * 4;
        var written = new List<string>();
        switch (target.Layout)
        {
            case DisplayLayout.Dual:
                var stem = Path.Combine(Path.GetDirectoryName(output) ?? string.Empty, Path.GetFileNameWithoutExtension(output));
                PngWriter.WriteFile(stem + "-left.png", pixels, eyeWidth, eyeHeight, PngColorType.Rgba, stride);
                PngWriter.WriteFile(stem + "-right.png", pixels.AsSpan(eyeWidth * 4), eyeWidth, eyeHeight, PngColorType.Rgba, stride);
                written.Add(stem + "-left.png");
                written.Add(stem + "-right.png");
                break;
            case DisplayLayout.Mono:
                PngWriter.WriteFile(output, pixels, eyeWidth, eyeHeight, PngColorType.Rgba, stride);
                written.Add(output);
                break;
            default:
                PngWriter.WriteFile(output, pixels, 2 * eyeWidth, eyeHeight, PngColorType.Rgba, stride);
                written.Add(output);
                break;
        }

        context.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"render: {string.Join(", ", written)} ({layoutName}, eye {eyeWidth}x{eyeHeight}, disparity {composer.Stereo.ShiftPixels} px per eye at {options.Stereo.DepthMetres} m, {frame.Quads.Count} quads, {renderer})"));
        return ExitCodes.Success;
    }

    private static CaptionLine Line(string text, string? translation, string? partial, long now)
    {
        var committed = string.IsNullOrWhiteSpace(partial);
        var full = committed ? text : $"{text} {partial}";
        var words = full.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new WordTiming(w, TimeSpan.Zero, TimeSpan.Zero, 1f))
            .ToArray();
        var stable = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new CaptionLine(1, 1, committed ? CaptionState.Committed : CaptionState.Partial, full, TimeSpan.Zero, TimeSpan.Zero, words, new LatencyStamps(now, now, now, 0, 0))
        {
            Translation = translation,
            StableWords = committed ? words.Length : stable,
        };
    }

    private static string? Describe(Exception ex) => ex switch
    {
        FontNotFoundException => ex.Message,
        Native.FreeType.FreeTypeException => ex.Message,
        GLException => $"display: {ex.Message}",
        IOException => ex.Message,
        UnauthorizedAccessException => ex.Message,
        ArgumentException => ex.Message,
        _ => null,
    };
}
