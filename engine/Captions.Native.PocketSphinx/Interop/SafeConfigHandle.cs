using Microsoft.Win32.SafeHandles;

namespace Captions.Native.PocketSphinx.Interop;

/// <summary>
/// Owns a <c>cmd_ln_t*</c>; released with <c>cmd_ln_free_r</c>. <c>ps_init</c> retains the config itself, so the
/// creator disposes its reference straight after.
/// </summary>
internal sealed class SafeConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeConfigHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.CmdLnFreeR(handle);
        return true;
    }
}
