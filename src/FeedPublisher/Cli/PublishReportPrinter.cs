using System.Globalization;
using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Cli;

/// <summary>The human-readable report of one publish.</summary>
public static class PublishReportPrinter
{
    public static void Print(TextWriter output, PublishReport report, string feedDirectory)
    {
        var ingest = report.Ingest;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ingested {ingest.Files} article files: {ingest.Added} added, {ingest.Updated} updated, {ingest.Unchanged} unchanged, {ingest.Removed} removed, {ingest.Rejected} skipped"));
        foreach (var problem in ingest.Problems)
        {
            output.WriteLine($"  {problem}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Published {report.Feeds} feeds ({report.FeedItems} of {report.ArticlesInStore} articles in the main feed) to {Path.GetFullPath(feedDirectory)} in {report.Elapsed.TotalMilliseconds:F0} ms: {report.Written} of {report.Files.Count} files written"));
        foreach (var file in report.Files.Where(f => f.Outcome == FileOutcome.Written))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.RelativePath,-40} {file.Bytes,10:N0} bytes"));
        }
    }
}
