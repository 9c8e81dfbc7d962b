using System.Runtime.InteropServices;
using System.Text;

namespace Captions.Native.PocketSphinx.Interop;

/// <summary>
/// A C <c>char *argv[]</c> in one native block. cmd_ln_parse_r keeps pointers to the argument names as hash keys
/// (cmd_ln_init keeps its own copy alive for that reason), so the block must outlive the config and the decoder
/// that retains it: <see cref="SafeDecoderHandle"/> frees it after <c>ps_free</c>.
/// </summary>
internal sealed unsafe class NativeArgv
{
    private byte* _block;

    public NativeArgv(IReadOnlyList<string> arguments)
    {
        Count = arguments.Count;
        nuint pointerBytes = (nuint)(sizeof(byte*) * Count);
        nuint total = pointerBytes;
        foreach (string argument in arguments)
        {
            total += (nuint)Encoding.UTF8.GetByteCount(argument) + 1;
        }

        _block = (byte*)NativeMemory.Alloc(total);
        byte** pointers = (byte**)_block;
        byte* next = _block + pointerBytes;
        for (int i = 0; i < Count; i++)
        {
            int written = Encoding.UTF8.GetBytes(arguments[i], new Span<byte>(next, (int)(total - (nuint)(next - _block))));
            next[written] = 0;
            pointers[i] = next;
            next += written + 1;
        }
    }

    public int Count { get; }

    public byte** Pointers => (byte**)_block;

    public void Free()
    {
        NativeMemory.Free(_block);
        _block = null;
    }
}
