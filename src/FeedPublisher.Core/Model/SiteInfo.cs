using System.Text.Json.Serialization;

namespace FeedPublisher.Core.Model;

/// <summary>The site the feeds belong to. Every URL in a feed is <see cref="BaseUrl"/> plus a relative path.</summary>
public sealed record SiteInfo(Uri BaseUrl, string Title, string Description, string Language)
{
    /// <summary>The base URL with a trailing slash, so relative paths resolve beneath it.</summary>
    public Uri Root { get; } = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    /// <summary>
    /// The channel's identity, null when no part of it is set. Left out of the settings hash when
    /// null, so the publish key of a site that sets none stays what it was and an upgrade does not
    /// render every file again.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChannelIdentity? Channel { get; init; }

    /// <summary>
    /// <c>Site:ArticleUrl</c>: for a site that hosts its own article pages, where they are, as a
    /// template (<see cref="Building.ArticleUrlTemplate"/>); then no pages are written. Null (the
    /// default) when the publish writes a page for every article without a URL of its own.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ArticleUrl { get; init; }
}
