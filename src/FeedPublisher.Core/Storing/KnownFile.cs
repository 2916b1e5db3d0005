namespace FeedPublisher.Core.Storing;

/// <summary>A file the store already holds, with the article it became and that article's first publication.</summary>
public sealed record KnownFile(ArticleFile File, string ArticleId, DateTimeOffset Published);
