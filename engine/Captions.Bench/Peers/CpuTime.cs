using System.Runtime.InteropServices;

namespace Captions.Bench.Peers;

/// <summary>
/// CPU time from getrusage: this thread's (our decoder), reaped children's (the CLI) and the whole process's (every
/// thread, so llvmpipe's rasteriser threads count). No allocation, so it can sit inside a measured allocation window,
/// unlike Process.TotalProcessorTime; on a shared machine it is the load-independent figure.
/// </summary>
internal static partial class CpuTime
{
    private const int RusageChildren = -1;
    private const int RusageSelf = 0;
    private const int RusageThread = 1;

    public static TimeSpan CurrentThread => Get(RusageThread);

    /// <summary>Every thread of this process.</summary>
    public static TimeSpan Process => Get(RusageSelf);

    /// <summary>Sum over all waited-for child processes; take differences around one child.</summary>
    public static TimeSpan Children => Get(RusageChildren);

    private static unsafe TimeSpan Get(int who)
    {
        Rusage usage;
        if (GetRusage(who, &usage) != 0)
        {
            throw new InvalidOperationException($"getrusage({who}) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        long micros = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicros + usage.SystemMicros;
        return TimeSpan.FromTicks(micros * 10);
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
