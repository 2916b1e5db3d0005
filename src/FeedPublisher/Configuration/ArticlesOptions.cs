using FeedPublisher.Core.Ingesting;

namespace FeedPublisher.Configuration;

/// <summary>Section "Articles": where the stored articles are read from.</summary>
public sealed class ArticlesOptions
{
    public const string Section = "Articles";

    public string Directory { get; set; } = "articles";

    /// <summary>Larger files are rejected unread.</summary>
    public long MaxBytes { get; set; } = IngestSettings.DefaultMaxBytes;
}
