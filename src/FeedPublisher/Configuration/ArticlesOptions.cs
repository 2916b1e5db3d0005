using FeedPublisher.Core.Ingesting;

namespace FeedPublisher.Configuration;

/// <summary>Section "Articles": where the stored articles are read from.</summary>
public sealed class ArticlesOptions
{
    public const string Section = "Articles";

    public string Directory { get; set; } = "articles";

    /// <summary>Larger files are rejected unread.</summary>
    public long MaxBytes { get; set; } = IngestSettings.DefaultMaxBytes;

    /// <summary>
    /// Whether links (to files and to folders) that lead out of the articles folder are followed.
    /// Off, a link to /etc/passwd or to a folder elsewhere is refused with a warning.
    /// </summary>
    public bool FollowLinksOutside { get; set; }
}
