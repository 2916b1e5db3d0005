using System.Collections.ObjectModel;

namespace FeedPublisher.Core.Model;

/// <summary>
/// One stored article as the feeds see it: plain-text title and summary, sanitized HTML body,
/// and the sources it relies on. Its link is <see cref="Url"/> when the article names one (a
/// canonical link), else the page the publish writes for it (<see cref="Building.ArticleLinks"/>). <see cref="Origin"/> is
/// the outlet the article itself came from, when it was syndicated. An article is always complete:
/// ingest derives its header and body together, once per file version.
/// </summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Path { get; init; }
    public required DateTimeOffset Published { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public required string Summary { get; init; }
    public required string ContentHtml { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>
    /// The page of an author in <see cref="Authors"/>, by name, for those whose file gave one
    /// (<c>authors: [{name, url}]</c>): Atom <c>author/uri</c>, JSON Feed <c>authors[].url</c>.
    /// Beside the names rather than in them, so that everything keyed by an author's name (their
    /// feed, its slug, the stores' terms) stays as it was. None is the one shared empty map, so
    /// that two articles without author pages are equal records, as with empty lists.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> AuthorUrls { get; init; } = ReadOnlyDictionary<string, Uri>.Empty;
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<SourceLink> Sources { get; init; } = [];
    public Uri? Url { get; init; }
    public SourceLink? Origin { get; init; }
    public string? Language { get; init; }

    /// <summary>
    /// The article's picture: the one its file names (<c>image</c>, <c>og:image</c>, ...), else the
    /// first image of its sanitized body; absolute. RSS <c>media:content</c>, Atom enclosure link, JSON Feed <c>image</c>.
    /// </summary>
    public Uri? Image { get; init; }

    /// <summary>The files that go with it (<c>enclosure</c>, <c>audio</c>, <c>video</c>, <c>attachments</c>), in the order given, each URL once.</summary>
    public IReadOnlyList<MediaAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// When the article leaves the feeds (<c>expiryDate</c>, <c>unpublishDate</c>, <c>expires</c>);
    /// null when never. Stored with it, so that it leaves at the next publish after that instant
    /// even though its file never changes: the store's feed queries judge it against the clock,
    /// as they judge a <see cref="Published"/> date still ahead (a scheduled article).
    /// </summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>
    /// The hash of the extraction settings that derived the summary, body, sources and URLs
    /// (<see cref="Extraction.ArticleExtractor.Derivation"/>); null when not known (stored before it
    /// was recorded). The next ingest reads the file of an article derived with other settings again
    /// (<see cref="Storing.FileStamp.Stale"/>), so that no output keeps what an old setting made.
    /// </summary>
    public string? DerivedWith { get; init; }
}
