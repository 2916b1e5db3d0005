using System.Collections.Concurrent;
using System.Diagnostics;

namespace FeedPublisher.Core.Diagnostics;

/// <summary>
/// Wall time spent per stage of a publish (read, extract, store, pages, build, write), summed over
/// threads, so a slow publish says where its time went: the program's own profile.
/// </summary>
public sealed class StageTimings
{
    public const string Read = "read";
    public const string Extract = "extract";
    public const string Store = "store";
    public const string Build = "build";
    public const string Pages = "pages";
    public const string Write = "write";

    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TimeSpan> Totals =>
        _ticks.OrderBy(t => Array.IndexOf([Read, Extract, Store, Pages, Build, Write], t.Key))
            .ToDictionary(t => t.Key, t => Stopwatch.GetElapsedTime(0, t.Value));

    /// <summary>"read 12 ms, store 3 ms, ...", for logs.</summary>
    public override string ToString() =>
        string.Join(", ", Totals.Select(t => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Key} {t.Value.TotalMilliseconds:F0} ms")));

    public T Time<T>(string stage, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, started);
        }
    }

    public void Time(string stage, Action work) => Time(stage, () =>
    {
        work();
        return 0;
    });

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Add(stage, started);
        }
    }

    /// <summary>
    /// Times <paramref name="inner"/> work done while <paramref name="outer"/> is being timed (the
    /// feeds built batch by batch inside the write stage): counted once, as the inner stage.
    /// </summary>
    public async Task<T> TimeWithinAsync<T>(string outer, string inner, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - started;
            _ticks.AddOrUpdate(inner, elapsed, (_, total) => total + elapsed);
            _ticks.AddOrUpdate(outer, -elapsed, (_, total) => total - elapsed);
        }
    }

    private void Add(string stage, long started) => _ticks.AddOrUpdate(stage, Stopwatch.GetTimestamp() - started, (_, total) => total + Stopwatch.GetTimestamp() - started);
}
