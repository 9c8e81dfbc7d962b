using System.Runtime.InteropServices;

namespace Captions.Native.PocketSphinx.Interop;

/// <summary>
/// P/Invoke declarations for pocketsphinx 5prealpha (Debian 0.8+5prealpha, libpocketsphinx.so.3) and sphinxbase
/// (libsphinxbase.so.3). Signatures follow /usr/include/pocketsphinx/pocketsphinx.h of that version: note
/// <c>ps_seg_iter(ps)</c> takes no score pointer there (0.8 took one). Variadic functions (<c>cmd_ln_init</c>,
/// <c>err_msg</c>) are deliberately absent: varargs cannot be called portably from managed code.
/// Library names are logical; <see cref="PocketSphinxLibrary"/> resolves them to versioned SONAMEs.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const string PocketSphinx = "pocketsphinx";
    public const string SphinxBase = "sphinxbase";

    // --- pocketsphinx.h ---

    [LibraryImport(PocketSphinx, EntryPoint = "ps_args")]
    public static partial nint PsArgs();

    [LibraryImport(PocketSphinx, EntryPoint = "ps_init")]
    public static partial SafeDecoderHandle PsInit(SafeConfigHandle config);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_free")]
    public static partial int PsFree(nint decoder);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_get_logmath")]
    public static partial nint PsGetLogmath(SafeDecoderHandle decoder);

    /// <summary>Resets the stream: segment frame numbers restart at 0 and the front end's noise statistics reset.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_start_stream")]
    public static partial int PsStartStream(SafeDecoderHandle decoder);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_start_utt")]
    public static partial int PsStartUtt(SafeDecoderHandle decoder);

    /// <summary>int ps_process_raw(ps_decoder_t *ps, int16 const *data, size_t n_samples, int no_search, int full_utt)</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_process_raw")]
    public static partial int PsProcessRaw(SafeDecoderHandle decoder, short* data, nuint sampleCount, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_end_utt")]
    public static partial int PsEndUtt(SafeDecoderHandle decoder);

    /// <summary>char const *ps_get_hyp(ps_decoder_t *ps, int32 *out_best_score): owned by the decoder.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_get_hyp")]
    public static partial byte* PsGetHyp(SafeDecoderHandle decoder, int* bestScore);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_get_n_frames")]
    public static partial int PsGetNFrames(SafeDecoderHandle decoder);

    /// <summary>ps_seg_t *ps_seg_iter(ps_decoder_t *ps) (5prealpha: no score out-parameter).</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_seg_iter")]
    public static partial nint PsSegIter(SafeDecoderHandle decoder);

    /// <summary>Advances; returns NULL at the end, having freed the iterator.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_seg_next")]
    public static partial nint PsSegNext(nint segment);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_seg_word")]
    public static partial byte* PsSegWord(nint segment);

    /// <summary>Inclusive start and end frames.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_seg_frames")]
    public static partial void PsSegFrames(nint segment, int* startFrame, int* endFrame);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_seg_prob")]
    public static partial int PsSegProb(nint segment, int* acousticScore, int* languageScore, int* languageBackoff);

    [LibraryImport(PocketSphinx, EntryPoint = "ps_seg_free")]
    public static partial void PsSegFree(nint segment);

    /// <summary>
    /// int ps_set_jsgf_string(ps_decoder_t *ps, const char *name, const char *jsgf_string): parses the grammar and
    /// adds (or replaces) the FSG search called <paramref name="name"/>; returns -1 on a parse error.
    /// </summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_set_jsgf_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PsSetJsgfString(SafeDecoderHandle decoder, string name, string jsgf);

    /// <summary>int ps_set_search(ps_decoder_t *ps, const char *name): activates a search; only between utterances.</summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PsSetSearch(SafeDecoderHandle decoder, string name);

    /// <summary>
    /// char *ps_lookup_word(ps_decoder_t *ps, const char *word): the space-separated phones of a dictionary word,
    /// or NULL when it is not in the dictionary. The string is ckd_calloc'ed: the caller frees it with ckd_free.
    /// </summary>
    [LibraryImport(PocketSphinx, EntryPoint = "ps_lookup_word", StringMarshalling = StringMarshalling.Utf8)]
    public static partial byte* PsLookupWord(SafeDecoderHandle decoder, string word);

    // --- sphinxbase cmd_ln.h, logmath.h, err.h ---

    /// <summary>cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout, arg_t const *defn, int32 argc, char *argv[], int32 strict)</summary>
    [LibraryImport(SphinxBase, EntryPoint = "cmd_ln_parse_r")]
    public static partial SafeConfigHandle CmdLnParseR(nint inoutConfig, nint definitions, int argc, byte** argv, int strict);

    [LibraryImport(SphinxBase, EntryPoint = "cmd_ln_free_r")]
    public static partial int CmdLnFreeR(nint config);

    /// <summary>void ckd_free(void *ptr): frees memory sphinxbase allocated (ckd_calloc and friends).</summary>
    [LibraryImport(SphinxBase, EntryPoint = "ckd_free")]
    public static partial void CkdFree(void* pointer);

    [LibraryImport(SphinxBase, EntryPoint = "logmath_exp")]
    public static partial double LogmathExp(nint logmath, int logValue);

    /// <summary>
    /// void err_set_callback(err_cb_f cb, void *user_data), where err_cb_f is
    /// <c>void (*)(void *user_data, err_lvl_t, const char *fmt, ...)</c>.
    /// </summary>
    [LibraryImport(SphinxBase, EntryPoint = "err_set_callback")]
    public static partial void ErrSetCallback(delegate* unmanaged[Cdecl]<nint, int, byte*, nint, nint, nint, nint, nint, void> callback, nint userData);

    /// <summary>
    /// Sets the FILE* that err_logfp_cb and some direct writers (ps_init's config dump via err_get_logfp) use.
    /// Never NULL here: cmd_ln_print_values_r fwrite()s to it without a check.
    /// </summary>
    [LibraryImport(SphinxBase, EntryPoint = "err_set_logfp")]
    public static partial void ErrSetLogfp(nint stream);

    // --- libc ---

    [LibraryImport("libc.so.6", EntryPoint = "fopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint FOpen(string path, string mode);
}
