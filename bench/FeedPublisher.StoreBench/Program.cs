using System.Diagnostics;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.Storage.Sqlite;
using FeedPublisher.StoreBench;

// Usage: StoreBench N [chunk] [batch|chunks] [store-file]
//   cold: N generated headers stored in chunks (as ingest hands them over) into an empty store;
//   then, into the full store: 20 batches of one new article, and one batch of 100 new ones.
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var chunkSize = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var batched = args.Length <= 2 || args[2] != "chunks";
var file = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"storebench-{Environment.ProcessId}.db");
foreach (var suffix in new[] { "", "-wal", "-shm" })
{
    File.Delete(file + suffix);
}

var store = SqliteArticleStore.Open(file);
var all = Enumerable.Range(0, count).Select(Headers.Make).ToList();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
// As ArticleIngestor hands them over: in one store batch when more than a chunk is new.
var batch = batched ? await store.BeginBatchAsync(CancellationToken.None) : new ChangeByChangeBatch(store);
await using (batch)
{
    foreach (var chunk in all.Chunk(chunkSize))
    {
        await batch.ApplyAsync(new StoreChanges(chunk, [], []), CancellationToken.None);
    }

    await batch.CompleteAsync(CancellationToken.None);
}

var cold = clock.Elapsed;
Console.WriteLine($"cold: {count} headers in chunks of {chunkSize}{(batched ? " in one batch" : "")}: {cold.TotalMilliseconds:F0} ms, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms ({cold.TotalMicroseconds / count:F1} us each)");

var singles = new List<double>();
for (var i = 0; i < 20; i++)
{
    var one = Headers.Make(count + i);
    clock.Restart();
    await store.ApplyAsync(new StoreChanges([one], [], []), CancellationToken.None);
    singles.Add(clock.Elapsed.TotalMilliseconds);
}

singles.Sort();
Console.WriteLine($"one new into {count}: median {singles[10]:F2} ms, min {singles[0]:F2}, max {singles[^1]:F2}");
var hundred = Enumerable.Range(count + 100, 100).Select(Headers.Make).ToList();
clock.Restart();
await store.ApplyAsync(new StoreChanges(hundred, [], []), CancellationToken.None);
Console.WriteLine($"100 new into {count}: {clock.Elapsed.TotalMilliseconds:F1} ms");
var edited = all.Take(100).Select(s => s with { Article = s.Article with { Title = s.Article.Title + " (edited)" }, File = s.File with { ContentHash = "edited" } }).ToList();
clock.Restart();
await store.ApplyAsync(new StoreChanges(edited, [], []), CancellationToken.None);
Console.WriteLine($"100 edited: {clock.Elapsed.TotalMilliseconds:F1} ms");
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB; store {new FileInfo(file).Length / 1048576} MiB + wal {(File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length / 1048576 : 0)} MiB");

