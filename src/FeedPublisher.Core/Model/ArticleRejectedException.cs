namespace FeedPublisher.Core.Model;

/// <summary>An article file that cannot become an article; the message says why, for the operator.</summary>
public sealed class ArticleRejectedException(string reason) : Exception(reason);
