using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Configuration;

/// <summary>Section "Feeds": the feed directory and what each feed shows.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    public string Directory { get; set; } = "feeds";

    public int MaxItems { get; set; } = PublishSettings.DefaultMaxItems;

    /// <summary>The largest a feed file may be; older items are dropped to fit.</summary>
    public long MaxBytes { get; set; } = PublishSettings.DefaultMaxBytes;

    /// <summary>Write precompressed .gz siblings for static servers (nginx gzip_static).</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>A WebSub hub to link in every feed and to tell of changed feeds; empty for none.</summary>
    public string WebSubHub { get; set; } = "";

    /// <summary>Articles per RFC 5005 archive page of the main feed (archive/N/): MaxItems when not set, 0 for no archive, never more than MaxItems.</summary>
    public int? ArchivePageSize { get; set; }

    /// <summary>Operator-defined feeds, by folder name.</summary>
    public Dictionary<string, NamedFeedOptions> Named { get; set; } = [];
}
