using Captions.Engine.Vad;
using Captions.Native.OnnxRuntime;
using Microsoft.Extensions.Logging;

namespace Captions.Vad.Silero;

/// <summary>
/// Silero VAD v5/v6 on ONNX Runtime: a speech probability per 32 ms window of 16 kHz audio.
/// </summary>
/// <remarks>
/// <para>Model contract (v5/v6): input[1, 64 + 512] float = 64 samples of context carried from the previous
/// window followed by the 512-sample window; state[2, 1, 128] float carried between calls; sr int64 = 16000;
/// outputs the probability [1, 1] and the next state.</para>
/// <para>Framing and lag: the pipeline feeds 20 ms (320-sample) frames; they are buffered into 512-sample
/// windows, and <see cref="Process"/> returns the probability of the most recently completed window. That
/// window ended at most 511 samples (&lt; 32 ms) before the frame's last sample, so the score lags the audio by
/// up to 32 ms, and frames before the first full window (the first 20 ms of a stream) score 0. The segmenter's
/// 200 ms pre-roll covers the lag. Frames of any length work; a frame that completes two windows returns the
/// second's probability.</para>
/// <para>Threading model: not thread-safe; one VAD stage owns an instance. Steady state allocates nothing
/// managed: frames are copied straight into the input tensor's pinned buffer and Run reuses fixed tensors.</para>
/// </remarks>
public sealed class SileroVoiceActivityDetector : IVoiceActivityDetector, IDisposable
{
    /// <summary>Samples per window at 16 kHz (32 ms): the only window size v5/v6 accept at that rate.</summary>
    public const int WindowSamples = 512;

    /// <summary>Samples of the previous window prepended to each window (v5/v6).</summary>
    public const int ContextSamples = 64;

    /// <summary>The sample rate the model is run at.</summary>
    public const int SampleRate = 16000;

    private const int StateSize = 2 * 1 * 128;

    private readonly InferenceSession _session;
    private readonly OrtTensor<float> _input;
    private readonly OrtTensor<float> _state;
    private readonly OrtTensor<long> _sampleRate;
    private readonly OrtTensor<float> _probability;
    private readonly OrtTensor<float> _nextState;
    private readonly OrtTensor[] _inputs;
    private readonly OrtTensor[] _outputs;
    private int _pending;
    private float _lastProbability;

    /// <summary>Opens <paramref name="modelPath"/> on an environment already created.</summary>
    /// <exception cref="SileroModelException">The file is missing, is not ONNX, or does not have Silero v5/v6's
    /// inputs and outputs; the message names the file.</exception>
    public SileroVoiceActivityDetector(OrtEnvironment environment, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ModelPath = Path.GetFullPath(modelPath);
        if (!File.Exists(ModelPath))
        {
            throw new SileroModelException(ModelPath, $"Silero VAD model '{ModelPath}' does not exist: run ./scripts/bootstrap.sh");
        }

        try
        {
            _session = new InferenceSession(environment, ModelPath);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new SileroModelException(ModelPath, $"Silero VAD model '{ModelPath}' cannot be loaded (corrupt or not ONNX?): {ex.OrtMessage}", ex);
        }

        try
        {
            TensorMetadata input = Require(_session.Inputs, "input", TensorElementType.Float);
            TensorMetadata state = Require(_session.Inputs, "state", TensorElementType.Float);
            TensorMetadata sr = Require(_session.Inputs, "sr", TensorElementType.Int64);
            TensorMetadata output = Require(_session.Outputs, "output", TensorElementType.Float);
            TensorMetadata stateN = Require(_session.Outputs, "stateN", TensorElementType.Float);
            if (stateN.Shape.Count != state.Shape.Count)
            {
                throw Mismatch("stateN of the same rank as state");
            }

            if (_session.Inputs.Count != 3 || _session.Outputs.Count != 2)
            {
                throw Mismatch("exactly 3 inputs and 2 outputs");
            }

            _input = OrtTensor<float>.Create(environment, 1, ContextSamples + WindowSamples);
            _state = OrtTensor<float>.Create(environment, Concrete(state.Shape));
            _sampleRate = OrtTensor<long>.Create(environment, Concrete(sr.Shape));
            _probability = OrtTensor<float>.Create(environment, Concrete(output.Shape));
            // v6 declares stateN fully dynamic ([-1,-1,-1]); it has the input state's shape.
            _nextState = OrtTensor<float>.Create(environment, Concrete(state.Shape));
            if (_state.Length != StateSize || _nextState.Length != StateSize || _sampleRate.Length != 1 || _probability.Length != 1)
            {
                throw Mismatch("state[2,1,128], sr scalar and output[1,1]");
            }

            _sampleRate.Span[0] = SampleRate;
            _inputs = Order(_session.Inputs, (input.Name, _input), (state.Name, _state), (sr.Name, _sampleRate));
            _outputs = Order(_session.Outputs, (output.Name, _probability), (stateN.Name, _nextState));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Name => "silero";

    /// <summary>Full path of the model in use.</summary>
    public string ModelPath { get; }

    /// <summary>Windows run since creation (not cleared by <see cref="Reset"/>): for diagnostics and benchmarks.</summary>
    public long WindowsProcessed { get; private set; }

    /// <summary>
    /// Opens the ORT library and the model together: what the CLI and tests use.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">The library cannot be loaded.</exception>
    /// <exception cref="SileroModelException">The model is missing or unusable.</exception>
    public static SileroVoiceActivityDetector Open(string onnxRuntimeLibraryPath, string modelPath, ILogger? logger = null) =>
        new(OrtEnvironment.GetOrCreate(onnxRuntimeLibraryPath, logger), modelPath);

    /// <summary>
    /// Buffers <paramref name="frame"/> (16 kHz mono, any length; the pipeline sends 320 samples) and returns the
    /// probability of the latest completed 512-sample window: up to 32 ms behind the frame (see remarks).
    /// </summary>
    /// <exception cref="OnnxRuntimeException">ORT failed the run.</exception>
    public float Process(ReadOnlySpan<float> frame)
    {
        Span<float> window = _input.Span[ContextSamples..];
        while (!frame.IsEmpty)
        {
            int take = Math.Min(frame.Length, WindowSamples - _pending);
            frame[..take].CopyTo(window[_pending..]);
            _pending += take;
            frame = frame[take..];
            if (_pending == WindowSamples)
            {
                RunWindow();
            }
        }

        return _lastProbability;
    }

    /// <summary>
    /// Scores exactly one 512-sample window (no buffering; samples a previous <see cref="Process"/> buffered are
    /// dropped, context and state carry on): the per-window cost benchmarks measure.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="window"/> is not 512 samples.</exception>
    public float ProcessWindow(ReadOnlySpan<float> window)
    {
        if (window.Length != WindowSamples)
        {
            throw new ArgumentException($"A Silero window is {WindowSamples} samples at 16 kHz, got {window.Length}.", nameof(window));
        }

        window.CopyTo(_input.Span[ContextSamples..]);
        _pending = WindowSamples;
        RunWindow();
        return _lastProbability;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _input.Span.Clear();
        _state.Span.Clear();
        _pending = 0;
        _lastProbability = 0f;
    }

    /// <summary>Releases the session and tensors.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        _input?.Dispose();
        _state?.Dispose();
        _sampleRate?.Dispose();
        _probability?.Dispose();
        _nextState?.Dispose();
    }

    private void RunWindow()
    {
        _session.Run(_inputs, _outputs);
        _nextState.Span.CopyTo(_state.Span);

        // The next window's context is this window's last 64 samples.
        Span<float> input = _input.Span;
        input.Slice(input.Length - ContextSamples, ContextSamples).CopyTo(input);
        _pending = 0;
        _lastProbability = _probability.Span[0];
        WindowsProcessed++;
    }

    private TensorMetadata Require(IReadOnlyList<TensorMetadata> declared, string name, TensorElementType type)
    {
        foreach (TensorMetadata metadata in declared)
        {
            if (string.Equals(metadata.Name, name, StringComparison.Ordinal) && metadata.ElementType == type)
            {
                return metadata;
            }
        }

        throw Mismatch($"a {type} '{name}'");
    }

    private SileroModelException Mismatch(string expected) => new(
        ModelPath,
        $"'{ModelPath}' is not a Silero VAD v5/v6 model: expected {expected}; it declares inputs ({string.Join("; ", _session.Inputs)}) and outputs ({string.Join("; ", _session.Outputs)}).");

    // Batch and other dynamic dimensions (-1) are 1 here: one stream, one window.
    private static long[] Concrete(IReadOnlyList<long> shape)
    {
        var dims = new long[shape.Count];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = shape[i] < 0 ? 1 : shape[i];
        }

        return dims;
    }

    private static OrtTensor[] Order(IReadOnlyList<TensorMetadata> declared, params ReadOnlySpan<(string Name, OrtTensor Tensor)> tensors)
    {
        var ordered = new OrtTensor[declared.Count];
        for (int i = 0; i < ordered.Length; i++)
        {
            foreach ((string name, OrtTensor tensor) in tensors)
            {
                if (string.Equals(declared[i].Name, name, StringComparison.Ordinal))
                {
                    ordered[i] = tensor;
                }
            }
        }

        return ordered;
    }
}
