namespace FeedPublisher.Configuration;

/// <summary>
/// One named feed (Feeds:Named:&lt;name&gt;): published in the folder &lt;name&gt;/, showing the articles
/// in any of <see cref="Categories"/> and (when both are given) by any of <see cref="Authors"/>.
/// </summary>
public sealed class NamedFeedOptions
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Categories { get; set; } = [];

    public List<string> Authors { get; set; } = [];

    /// <summary>Items in this feed; Feeds:MaxItems when not set.</summary>
    public int? MaxItems { get; set; }

    /// <summary>False publishes summaries only.</summary>
    public bool FullContent { get; set; } = true;
}
