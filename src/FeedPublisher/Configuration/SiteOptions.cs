namespace FeedPublisher.Configuration;

/// <summary>Section "Site": the site the feeds belong to.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Every URL in the feeds is this plus a relative path; also where the feed directory is served.</summary>
    public string BaseUrl { get; set; } = "http://localhost:8080/";

    public string Title { get; set; } = "FeedPublisher";

    public string Description { get; set; } = "The latest articles, with their sources";

    /// <summary>A language tag (RFC 5646) for the feeds, e.g. "en" or "en-GB".</summary>
    public string Language { get; set; } = "en";
}
