using FeedPublisher.Core.Ingesting;

namespace FeedPublisher.Core.Publishing;

/// <summary>What one publish did: the ingest, the articles the main feed shows, and every file.</summary>
public sealed record PublishReport(IngestReport Ingest, int ArticlesInStore, int FeedItems, IReadOnlyList<PublishedFile> Files, TimeSpan Elapsed)
{
    public int Written => Files.Count(f => f.Outcome == FileOutcome.Written);
}
