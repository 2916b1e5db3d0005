namespace FeedPublisher.Core.Publishing;

/// <summary>
/// What a publish produces: how many items a feed shows, the largest file a feed may be (entries
/// too large for it are shortened, and only then are older items dropped: <see cref="FeedRenderer"/>),
/// operator-defined feeds, whether to write .gz siblings for static servers, and the WebSub hub
/// to announce changes to.
/// </summary>
public sealed record PublishSettings(int MaxItems, long MaxBytes = PublishSettings.DefaultMaxBytes)
{
    public const int DefaultMaxItems = 50;
    public const long DefaultMaxBytes = 1_000_000;

    public IReadOnlyList<NamedFeed> NamedFeeds { get; init; } = [];

    public bool Gzip { get; init; } = true;

    public Uri? WebSubHub { get; init; }

    /// <summary>How long a publish waits for another process's publish on the same directory.</summary>
    /// <remarks>When a publish runs, not what it writes: left out of the publish key (<see cref="OutputSettings"/>).</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Articles per RFC 5005 archive page of the main feed; null for no archive.</summary>
    public int? ArchivePageSize { get; init; } = DefaultMaxItems;
}
