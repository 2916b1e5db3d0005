using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// An article's dates. Publication: the file's own date, else the date it was first published
/// here (it never moves), else the file's time now. Updated: the file's own, else the file's time
/// when it changed after its first ingest, never before publication.
/// </summary>
public static class ArticleDates
{
    public static (DateTimeOffset Published, DateTimeOffset Updated) Resolve(ArticleMetadata metadata, DateTimeOffset fileTime, DateTimeOffset? firstPublished)
    {
        var published = metadata.Date ?? firstPublished ?? fileTime;
        var updated = metadata.Updated ?? (firstPublished is null ? published : fileTime);
        return (published, updated < published ? published : updated);
    }
}
