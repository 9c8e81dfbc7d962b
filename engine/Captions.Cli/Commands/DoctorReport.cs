using System.Diagnostics;
using System.Runtime.Intrinsics.X86;
using Captions.Cli.Configuration;
using Captions.Engine.Hosting;
using Captions.Native.PocketSphinx;
using Captions.Native.Whisper;

namespace Captions.Cli.Commands;

/// <summary>
/// Probes what Captions runs on and prints one line per item: ok / missing (required) / absent (optional), with the
/// version or the exact reason. Exit code 1 when anything required is missing.
/// </summary>
internal sealed class DoctorReport
{
    private readonly CliContext _context;
    private readonly CaptionsPaths _paths;
    private readonly CaptionsSettings _settings;
    private int _missingRequired;

    public DoctorReport(CliContext context, CaptionsSettings settings)
    {
        _context = context;
        _settings = settings;
        _paths = new CaptionsPaths(name => context.Environment.TryGetValue(name, out var value) ? value : null);
    }

    public int Run()
    {
        var output = _context.Output;
        output.WriteLine("Native libraries");
        if (PocketSphinxLibrary.TryLoad(out var sphinx, out var sphinxError))
        {
            Line(true, required: true, "pocketsphinx", sphinx);
        }
        else
        {
            Line(false, required: true, "pocketsphinx", sphinxError + " (install libpocketsphinx3: ./scripts/bootstrap.sh)");
        }

        var whisperDir = _paths.WhisperLibraryDirectory;
        if (WhisperLibrary.TryLoad(whisperDir, out var whisperVersion, out var systemInfo, out var whisperError))
        {
            Line(true, required: false, "whisper.cpp", $"{whisperVersion} from {whisperDir}");
            Line(true, required: false, "  cpu (ggml)", systemInfo);
        }
        else
        {
            Line(false, required: false, "whisper.cpp", whisperError + " (built by ./scripts/bootstrap.sh)");
        }

        if (Captions.Native.OnnxRuntime.OnnxRuntimeLibrary.TryLoad(_paths.OnnxRuntimeLibraryPath, out var ortVersion, out var ortError))
        {
            Line(true, required: false, "onnxruntime", $"{ortVersion} from {_paths.OnnxRuntimeLibraryPath}");
        }
        else
        {
            Line(false, required: false, "onnxruntime", ortError + " (fetched by ./scripts/bootstrap.sh; without it the energy VAD is used)");
        }

        Line(true, required: false, "cpu (.NET)", $"{Environment.ProcessorCount} cores; AVX2 {Yes(Avx2.IsSupported)}, FMA {Yes(Fma.IsSupported)}, AVX-512F {Yes(Avx512F.IsSupported)}");
        var ffmpeg = ProbeFfmpeg();
        Line(ffmpeg.Ok, required: false, "ffmpeg", ffmpeg.Detail + (ffmpeg.Ok ? string.Empty : " (needed for --input mic; install ffmpeg)"));

        output.WriteLine("Rendering");
        ProbeRendering();

        output.WriteLine("Models");
        var model = _settings.Sphinx.ModelDir;
        var modelParts = new[]
        {
            Path.Combine(model, "en-us"),
            _settings.Sphinx.LanguageModel ?? Path.Combine(model, "en-us.lm.bin"),
            _settings.Sphinx.Dictionary ?? Path.Combine(model, "cmudict-en-us.dict"),
        };
        var missingPart = modelParts.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        Line(missingPart is null, required: true, "sphinx en-us", missingPart is null ? model : $"{missingPart} not found (install pocketsphinx-en-us)");
        // The store `listen` and `captions models` use, so Models:Directory is honoured here too.
        var store = ModelsCommand.OpenStore(_context, _settings);
        var whisperModels = store.ListInstalled();
        Line(whisperModels.Count > 0, required: false, "whisper models", whisperModels.Count > 0
            ? string.Join(", ", whisperModels.Select(m => Path.GetFileName(m.Path)))
            : $"none in {store.Directory} (captions models pull base.en; until then listen uses sphinx)");

        var silero = _paths.SileroModelPath;
        Line(File.Exists(silero), required: false, "silero vad", File.Exists(silero) ? silero : $"{silero} not found (fetched by ./scripts/bootstrap.sh)");

        output.WriteLine("Vision");
        ProbeVision();

        output.WriteLine("Data");
        var librivox = CaptionsPaths.LibriVoxDirectory;
        var clips = Directory.Exists(librivox) ? Directory.GetFiles(librivox, "*.wav").Length : 0;
        Line(clips > 0, required: false, "librivox clips", clips > 0 ? $"{clips} recordings in {librivox}" : $"{librivox} not found (install pocketsphinx-testdata; `captions demo` needs it)");
        var jfk = _paths.JfkWavPath;
        Line(File.Exists(jfk), required: false, "jfk.wav", File.Exists(jfk) ? jfk : $"{jfk} not found (fetched by ./scripts/bootstrap.sh)");

        output.WriteLine(_missingRequired == 0 ? "doctor: everything required is present" : $"doctor: {_missingRequired} required item(s) missing");
        return _missingRequired == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private void Line(bool ok, bool required, string name, string? detail)
    {
        if (!ok && required)
        {
            _missingRequired++;
        }

        var status = ok ? "ok" : required ? "MISSING" : "absent";
        _context.Output.WriteLine($"  {status,-8}{name,-16}{detail}");
    }

    /// <summary>Text engines, fonts and OpenGL: optional (captions still reach the terminal and files without them).</summary>
    private void ProbeRendering()
    {
        if (Native.FreeType.FreeTypeNativeLibrary.TryLoad(out var ftError))
        {
            using var freetype = new Native.FreeType.FreeTypeLibrary();
            Line(true, required: false, "freetype", freetype.Version.ToString());
        }
        else
        {
            Line(false, required: false, "freetype", ftError + " (install libfreetype6: ./scripts/bootstrap.sh)");
        }

        var harfbuzz = Native.HarfBuzz.HarfBuzzNativeLibrary.TryLoad(out var hbError);
        Line(harfbuzz, required: false, "harfbuzz", harfbuzz ? Native.HarfBuzz.HarfBuzzNativeLibrary.Version : hbError + " (install libharfbuzz0b)");
        var fribidi = Native.FriBidi.FriBidiNativeLibrary.TryLoad(out var bidiError);
        Line(fribidi, required: false, "fribidi", fribidi ? "libfribidi.so.0" : bidiError + " (install libfribidi0)");
        foreach (var font in Renderer.Text.FontCollection.DefaultChain)
        {
            var present = File.Exists(font.Path);
            Line(present, required: false, "  font", present ? font.Path : $"{font.Path} not found (install {font.Package})");
        }

        try
        {
            using var context = Renderer.OpenGL.Egl.EglHeadlessContext.Create();
            Line(true, required: false, "opengl (egl)", $"{context.Renderer}, {context.Version}");
        }
        catch (Renderer.OpenGL.GraphicsUnavailableException ex)
        {
            Line(false, required: false, "opengl (egl)", ex.Message);
        }

        var glfw = System.Runtime.InteropServices.NativeLibrary.TryLoad("libglfw.so.3", out var handle);
        if (glfw)
        {
            System.Runtime.InteropServices.NativeLibrary.Free(handle);
        }

        var display = _context.Environment.GetValueOrDefault("DISPLAY");
        Line(glfw, required: false, "glfw (windows)", glfw
            ? $"libglfw.so.3; DISPLAY={(string.IsNullOrEmpty(display) ? "(unset: windows need an X server; --display png:DIR works without)" : display)}"
            : "libglfw.so.3 not found (install libglfw3; only --display sbs|dual|mono needs it)");
    }

    /// <summary>`captions look`'s engines: leptonica (decoding), Tesseract and its languages, the PP-OCR models.</summary>
    private void ProbeVision()
    {
        if (Native.Leptonica.LeptonicaNativeLibrary.TryLoad(out var leptError))
        {
            Line(true, required: false, "leptonica", Native.Leptonica.LeptonicaNativeLibrary.Version);
        }
        else
        {
            Line(false, required: false, "leptonica", leptError + " (install liblept5: ./scripts/bootstrap.sh; `captions look` decodes photos with it)");
        }

        try
        {
            Native.Tesseract.TesseractLibrary.EnsureLoaded();
            Line(true, required: false, "tesseract", $"{Native.Tesseract.TesseractLibrary.Version} ({Native.Tesseract.TesseractLibrary.LoadedName}, OMP_THREAD_LIMIT={Native.Tesseract.TesseractLibrary.OpenMpThreadLimit ?? "unset"})");
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or Native.Tesseract.TesseractException)
        {
            Line(false, required: false, "tesseract", ex.Message + " (install libtesseract5: ./scripts/bootstrap.sh)");
        }

        var tessdata = CaptionsPaths.TesseractDataDirectory;
        var languages = Native.Tesseract.TesseractEngine.InstalledLanguages(tessdata);
        Line(languages.Count > 0, required: false, "  languages", languages.Count > 0
            ? string.Join(" ", languages)
            : $"none in {tessdata} (install tesseract-ocr-eng, -jpn, -kor, ...)");

        var ocrModels = _paths.OcrModelDirectory;
        string[] files =
        [
            Vision.PaddleOcr.PaddleTextDetector.ModelFileName,
            Vision.PaddleOcr.PaddleTextRecognizer.ModelFileName,
            Vision.PaddleOcr.PaddleAngleClassifier.ModelFileName,
            Vision.PaddleOcr.PaddleTextRecognizer.DictionaryFileName,
        ];
        var missing = files.FirstOrDefault(f => !File.Exists(Path.Combine(ocrModels, f)));
        Line(missing is null, required: false, "pp-ocr v4", missing is null ? ocrModels : $"{Path.Combine(ocrModels, missing)} not found (fetched by ./scripts/bootstrap.sh)");
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static (bool Ok, string Detail) ProbeFfmpeg()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-hide_banner -version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return (false, "ffmpeg did not start");
            }

            var first = process.StandardOutput.ReadLine() ?? string.Empty;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, first.Length > 0 ? first : $"exit code {process.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, $"not found on PATH ({ex.Message})");
        }
    }
}
