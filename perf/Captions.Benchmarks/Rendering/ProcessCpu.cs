using System.Runtime.InteropServices;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// CPU time of the whole process (every thread, so llvmpipe's rasteriser threads count) from getrusage(RUSAGE_SELF):
/// no allocation, so it can sit inside a measured allocation window, unlike Process.TotalProcessorTime.
/// On a shared machine this is the load-independent figure: wall time grows with other load, CPU time barely.
/// </summary>
internal static partial class ProcessCpu
{
    private const int RusageSelf = 0;

    public static double Milliseconds
    {
        get
        {
            Rusage usage;
            unsafe
            {
                if (GetRusage(RusageSelf, &usage) != 0)
                {
                    throw new InvalidOperationException($"getrusage(RUSAGE_SELF) failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }

            long micros = ((usage.UserSeconds + usage.SystemSeconds) * 1_000_000) + usage.UserMicros + usage.SystemMicros;
            return micros / 1000.0;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "getrusage", SetLastError = true)]
    private static unsafe partial int GetRusage(int who, Rusage* usage);

    // struct rusage on 64-bit Linux: two struct timeval (16 B each) then 14 longs.
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct Rusage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public fixed long Rest[14];
    }
}
