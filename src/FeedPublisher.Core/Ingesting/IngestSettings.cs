namespace FeedPublisher.Core.Ingesting;

/// <summary>Where the article files are, the largest file worth reading, and whether links may lead out of the folder.</summary>
public sealed record IngestSettings(string ArticlesDirectory, long MaxBytes, bool FollowLinksOutside = false)
{
    public const long DefaultMaxBytes = 5_000_000;
}
