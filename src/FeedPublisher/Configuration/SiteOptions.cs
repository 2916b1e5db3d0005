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
}
