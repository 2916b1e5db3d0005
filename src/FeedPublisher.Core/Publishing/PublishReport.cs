using FeedPublisher.Core.Ingesting;

namespace FeedPublisher.Core.Publishing;

/// <summary>What one publish did: the ingest, the articles in store and in the main feed, how many feeds, and every file.</summary>
public sealed record PublishReport(IngestReport Ingest, int ArticlesInStore, int FeedItems, int Feeds, IReadOnlyList<PublishedFile> Files, TimeSpan Elapsed)
{
    public int Written => Files.Count(f => f.Outcome == FileOutcome.Written);

    /// <summary>Time per stage (read, extract, store, build, write), summed over threads.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Stages { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>The article pages: how many there are, written and removed; null when the publish had nothing to do.</summary>
    public ArticlePagesReport? Pages { get; init; }
}
