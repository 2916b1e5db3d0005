namespace FeedPublisher.Configuration;

/// <summary>Section "Site": the site the feeds belong to.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// Every URL in the feeds is this plus a relative path: where the feed directory is published.
    /// Empty means not set, and then <see cref="FeedPublisherSettings.Load"/> puts the built-in
    /// server's first address there (<see cref="DefaultBaseUrl"/>).
    /// </summary>
    public string BaseUrl { get; set; } = "";

    public string Title { get; set; } = "FeedPublisher";

    public string Description { get; set; } = "The latest articles, with their sources";

    /// <summary>A language tag (RFC 5646) for the feeds, e.g. "en" or "en-GB".</summary>
    public string Language { get; set; } = "en";

    /// <summary>
    /// For a site that hosts its own article pages: where they are, as a URL template with {yyyy},
    /// {mm}, {dd}, {slug} and {id} (<see cref="Core.Building.ArticleUrlTemplate"/>). Item links
    /// follow it and no pages are written. Empty (the default): the publish writes a page for every
    /// article without a URL of its own, in the feed directory.
    /// </summary>
    public string ArticleUrl { get; set; } = "";

    // The channel's identity (SiteChannel turns these into the Core's ChannelIdentity). Empty means
    // not set, and an unset one writes nothing, so feeds stay as they were.

    /// <summary>The site's logo: an http(s) URL, or a path resolved against <see cref="BaseUrl"/>.</summary>
    public string Image { get; set; } = "";

    /// <summary>A small square icon (favicon): an http(s) URL, or a path resolved against <see cref="BaseUrl"/>.</summary>
    public string Icon { get; set; } = "";

    public string Copyright { get; set; } = "";

    public string PublisherName { get; set; } = "";

    public string PublisherEmail { get; set; } = "";

    public string PublisherUrl { get; set; } = "";

    /// <summary>RSS ttl in minutes; unset writes none.</summary>
    public int? Ttl { get; set; }
}
