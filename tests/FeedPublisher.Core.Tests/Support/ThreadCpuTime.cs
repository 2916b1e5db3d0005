namespace FeedPublisher.Core.Tests.Support;

/// <summary>
/// The processor time the calling thread has used, from /proc/thread-self/stat (Linux, 10 ms
/// ticks). A wall clock on this shared 2-core machine measures the neighbours as much as the work
/// (a 0.7 s read took 2.2 s at a load of 9.5); the thread's own time measures the work.
/// </summary>
public static class ThreadCpuTime
{
    private const string Stat = "/proc/thread-self/stat";

    /// <summary>Null where the kernel does not say (not Linux).</summary>
    public static TimeSpan? Now()
    {
        if (!File.Exists(Stat))
        {
            return null;
        }

        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var stat = File.ReadAllText(Stat);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
