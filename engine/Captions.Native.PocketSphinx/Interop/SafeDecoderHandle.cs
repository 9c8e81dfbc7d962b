using Microsoft.Win32.SafeHandles;

namespace Captions.Native.PocketSphinx.Interop;

/// <summary>Owns a <c>ps_decoder_t*</c>; released with <c>ps_free</c> (reference counted natively).</summary>
internal sealed class SafeDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeDecoderHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>The argv the decoder's config was parsed from: freed only after the decoder (see <see cref="NativeArgv"/>).</summary>
    internal NativeArgv? Arguments { get; set; }

    protected override bool ReleaseHandle()
    {
        // ps_free returns the remaining reference count (0 once freed); nothing else can fail.
        NativeMethods.PsFree(handle);
        Arguments?.Free();
        return true;
    }
}
