namespace FeedPublisher.Core.Model;

/// <summary>A link from a feed to a related document, such as an RFC 5005 archive page ("prev-archive", "current").</summary>
public sealed record FeedLink(string Rel, Uri Href);
