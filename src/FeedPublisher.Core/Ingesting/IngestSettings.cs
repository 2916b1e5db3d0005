namespace FeedPublisher.Core.Ingesting;

/// <summary>Where the article files are, and the largest file worth reading.</summary>
public sealed record IngestSettings(string ArticlesDirectory, long MaxBytes)
{
    public const long DefaultMaxBytes = 5_000_000;
}
