namespace FeedPublisher.Core.Storing;

/// <summary>
/// What a feed needs to know of one of its articles to tell whether its files can stay as they
/// are: the article's id, the hash of its content and when it was last updated. A few bytes per
/// article, read off the feed's index without loading the article
/// (<see cref="IArticleStore.GetLatestVersionsAsync(Model.ArticleQuery, int, CancellationToken)"/>).
/// </summary>
/// <param name="Updated">Whole milliseconds, as the stores keep it.</param>
public sealed record ArticleVersion(string Id, string ContentHash, DateTimeOffset Updated);
