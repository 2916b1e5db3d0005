using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Whether an article may be published now, judged alike for a file of the articles folder
/// (<see cref="IngestPass"/>) and one handed over by <c>import</c> (<see cref="ArticleImporter"/>),
/// so a draft never reaches the feeds by the side door.
/// </summary>
internal static class PublicationRules
{
    /// <summary>
    /// Why the article must not be published at <paramref name="now"/>: a draft (<c>draft: true</c>,
    /// <c>published: false</c>, <c>status: draft</c>) or an expiry date that has passed; null to publish.
    /// Such a file is not stored, so every walk reads it again: the price of noticing at once when
    /// it is published. An article dated ahead, or expiring later, is stored: the store's feed
    /// queries keep it out until its date and from its expiry (<see cref="Storing.IArticleStore"/>).
    /// </summary>
    public static string? Withheld(ArticleMetadata metadata, DateTimeOffset now) =>
        metadata.Draft is { } draft ? $"a draft ({draft})"
        : metadata.Expires is { } expiry && expiry.At <= now ? $"expired on {expiry.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({expiry.Key})"
        : null;
}
