using System.Globalization;
using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Cli;

/// <summary>The human-readable report of one publish.</summary>
public static class PublishReportPrinter
{
    /// <summary>A cold publish writes hundreds of files; the first ones tell enough.</summary>
    private const int MaxFilesListed = 20;

    public static void PrintIngest(TextWriter output, Core.Ingesting.IngestReport ingest)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ingested {ingest.Files} article files: {ingest.Added} added, {ingest.Updated} updated, {ingest.Unchanged} unchanged, {ingest.Removed} removed, {ingest.Rejected} skipped{(ingest.Withheld > 0 ? $", {ingest.Withheld} not published (drafts, expired)" : "")}"));
        foreach (var problem in ingest.Problems)
        {
            output.WriteLine($"  {problem}");
        }

        foreach (var key in ingest.UnknownKeys)
        {
            output.WriteLine($"  warning: {key}");
        }
    }

    public static void Print(TextWriter output, PublishReport report, string feedDirectory)
    {
        PrintIngest(output, report.Ingest);

        if (report.Feeds == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Nothing changed since the last publish to {Path.GetFullPath(feedDirectory)}: {report.Files.Count} files left as they are ({report.Elapsed.TotalMilliseconds:F0} ms)"));
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Published {report.Feeds} feeds ({report.FeedItems} of {report.ArticlesInStore} articles in the main feed) to {Path.GetFullPath(feedDirectory)} in {report.Elapsed.TotalMilliseconds:F0} ms: {report.Written} of {report.Files.Count} files written"));
        if (report.Pages is { Pages: > 0 } or { Removed: > 0 } && report.Pages is { } pages)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Article pages: {pages.Pages} in all, {pages.Written} written, {pages.Removed} removed"));
        }

        output.WriteLine("Stages: " + string.Join(", ", report.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.TotalMilliseconds:F0} ms"))));
        // The process's collector, for whoever weighs the memory settings against the time (docs/performance.md).
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory: {GC.GetTotalAllocatedBytes() / (1024.0 * 1024 * 1024):F2} GiB allocated, {GC.CollectionCount(0)} collections ({GC.CollectionCount(2)} full), {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused"));
        foreach (var file in report.Files.Where(f => f.Outcome == FileOutcome.Written).Take(MaxFilesListed))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.RelativePath,-40} {file.Bytes,10:N0} bytes"));
        }
    }
}
