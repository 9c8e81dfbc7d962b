namespace Captions.Native.PocketSphinx;

/// <summary>
/// One entry of the best path's word segmentation, as pocketsphinx reports it: fillers (&lt;s&gt;, &lt;sil&gt;,
/// [NOISE]) and alternate pronunciations ("read(2)") included. Frames are 10 ms (100 a second) from the start
/// of the utterance; <see cref="EndFrame"/> is inclusive.
/// </summary>
/// <param name="Probability">Posterior probability in [0, 1]; 1 when pocketsphinx computed none (partial results).</param>
public readonly record struct PocketSphinxSegment(string Word, int StartFrame, int EndFrame, double Probability);
