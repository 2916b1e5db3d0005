using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Configuration;

/// <summary>Section "Feeds": the feed directory and what each feed shows.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    public string Directory { get; set; } = "feeds";

    public int MaxItems { get; set; } = PublishSettings.DefaultMaxItems;
}
