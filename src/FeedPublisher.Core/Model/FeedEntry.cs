namespace FeedPublisher.Core.Model;

/// <summary>
/// One item of a feed: the article, plus what a feed adds to it. <see cref="Id"/> is a URN that
/// never changes for the article (RSS guid, Atom id); <see cref="Link"/> is absolute;
/// <see cref="ContentHtml"/> is the body with the list of sources appended, or null in a feed
/// that carries summaries only.
/// </summary>
public sealed record FeedEntry(Article Article, string Id, Uri Link, string? ContentHtml);
