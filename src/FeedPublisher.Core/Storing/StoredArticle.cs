using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Storing;

/// <summary>An article with the file it was read from.</summary>
public sealed record StoredArticle(Article Article, ArticleFile File);
