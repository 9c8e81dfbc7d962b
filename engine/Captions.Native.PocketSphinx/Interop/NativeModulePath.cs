using System.Runtime.InteropServices;

namespace Captions.Native.PocketSphinx.Interop;

/// <summary>Finds the file a native symbol was loaded from (glibc dladdr), so `captions doctor` can name it.</summary>
internal static unsafe partial class NativeModulePath
{
    public static string? Of(nint symbol)
    {
        try
        {
            DlInfo info;
            return DlAddr(symbol, &info) != 0 ? Marshal.PtrToStringUTF8(info.FileName) : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    // glibc >= 2.34 exports dladdr from libc.so.6 (Debian 12 ships 2.36).
    [LibraryImport("libc.so.6", EntryPoint = "dladdr")]
    private static partial int DlAddr(nint address, DlInfo* info);

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public nint FileName;
        public nint FileBase;
        public nint SymbolName;
        public nint SymbolAddress;
    }
}
