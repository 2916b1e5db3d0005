namespace FeedPublisher.Core.Model;

/// <summary>
/// A feed before it has a format: what it is, where it lives and its entries, newest first.
/// <see cref="Folder"/> is relative to the feed directory ("" for the main feed).
/// </summary>
public sealed record FeedDocument
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Language { get; init; }
    public required Uri HomePage { get; init; }
    public required Uri BaseUrl { get; init; }
    public required string Folder { get; init; }
    /// <summary>The newest change among the entries; the feed's own dates never come from the clock.</summary>
    public required DateTimeOffset Updated { get; init; }
    public required IReadOnlyList<FeedEntry> Entries { get; init; }
    /// <summary>A WebSub hub that subscribers may use instead of polling.</summary>
    public Uri? Hub { get; init; }

    /// <summary>Links to other documents of the same logical feed (RFC 5005 archives).</summary>
    public IReadOnlyList<FeedLink> Links { get; init; } = [];

    /// <summary>The site's image, icon, rights and publisher, the same on every feed; null when none is set.</summary>
    public ChannelIdentity? Channel { get; init; }

    /// <summary>An RFC 5005 archive page: stable, marked with fh:archive.</summary>
    public bool IsArchive { get; init; }

    /// <summary>The published URL of this feed in a given file name, e.g. "rss.xml".</summary>
    public Uri UrlOf(string fileName) => new(BaseUrl, Folder.Length == 0 ? fileName : $"{Folder}/{fileName}");
}
