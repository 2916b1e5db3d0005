namespace FeedPublisher.Core.Storing;

/// <summary>
/// What the article pages need to know of an article to place its page and to tell whether the
/// page can stay as it is: its place in the store's order (<paramref name="Seq"/>, which never
/// changes once given), its id and publication date (which make the page's path), and its version
/// (content hash and update date, as <see cref="ArticleVersion"/>). A few bytes per article, read
/// without loading the article (<see cref="IArticleStore.GetPageVersionsAsync"/>).
/// </summary>
/// <param name="Published">Whole milliseconds, as the stores keep it.</param>
/// <param name="Updated">Whole milliseconds, as the stores keep it.</param>
public sealed record PageVersion(long Seq, string Id, DateTimeOffset Published, string ContentHash, DateTimeOffset Updated);
