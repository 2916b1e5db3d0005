using System.Collections.ObjectModel;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Text;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Turns a reader's draft into an article: the title cleaned, the body freed of junk and
/// sanitized (always last), a summary from the lead unless one was given, every source, and the
/// dates. Relative URLs resolve against the article's address below <paramref name="siteRoot"/>.
/// Ingest calls it once per file version; the article it returns is complete.
/// </summary>
public sealed class ArticleExtractor(Summarizer summarizer, SourceCollector sources, OutletDirectory outlets, Uri siteRoot)
{
    /// <summary>
    /// The longest title, in characters: a longer one (a front-matter title, a Markdown heading or
    /// an HTML page's title can be any length) is cut at a word with "…", so that no title can
    /// fill a feed by itself. A .txt file's first line over this long is rejected instead, as a
    /// paragraph that lost its title.
    /// </summary>
    public const int MaxTitleLength = 500;

    /// <summary>Hashed with the settings (<see cref="ExtractionSettings.Revision"/>): change it when the code derives the same file differently.</summary>
    public const string Revision = "2";

    private static readonly Summarizer Titles = new(MaxTitleLength);

    private readonly Lazy<string>? _derivation;

    private ArticleExtractor(ExtractionSettings settings, OutletDirectory outlets)
        : this(new Summarizer(settings.SummaryMaxLength), new SourceCollector(outlets, new SourceFinder(outlets)), outlets, settings.SiteRoot) =>
        _derivation = new Lazy<string>(settings.Hash);

    /// <summary>
    /// The hash of the <see cref="ExtractionSettings"/> this extractor was made from (null when it was
    /// put together by hand): every article it derives carries it in <see cref="Article.DerivedWith"/>.
    /// Computed when first asked for, so that commands which derive nothing never serialize the settings.
    /// </summary>
    public string? Derivation => _derivation?.Value;

    /// <summary>The extractor of these settings, and nothing else: what it derives depends on no other setting.</summary>
    public static ArticleExtractor Create(ExtractionSettings settings) =>
        new(settings, OutletDirectory.BuiltIn.With(settings.Outlets.ToDictionary(o => o.Name, o => o.HomePage, StringComparer.OrdinalIgnoreCase)));

    /// <param name="id">The article's identity (<see cref="ArticleIdentity.Resolve"/>).</param>
    /// <param name="fileTime">The file's last write time.</param>
    /// <param name="firstPublished">When the store first published this id, if it did.</param>
    public Article Extract(ArticleDraft draft, string id, DateTimeOffset fileTime, DateTimeOffset? firstPublished) =>
        WithBody(Header(draft.Metadata, id, fileTime, firstPublished), draft);

    /// <summary>
    /// What comes from the metadata alone: title, address, dates, names, categories, and the
    /// summary when the file gives one. The body fields stay empty.
    /// </summary>
    private Article Header(ArticleMetadata metadata, string id, DateTimeOffset fileTime, DateTimeOffset? firstPublished)
    {
        var title = Titles.Shorten(CleanText(metadata.Title) ?? throw new ArticleRejectedException("it has no title"));
        var (published, updated) = ArticleDates.Resolve(metadata, fileTime, firstPublished);
        return new Article
        {
            Id = id,
            Title = title,
            Path = ArticleIdentity.ToUrlPath(id),
            Url = HttpUrl(metadata.Url),
            Published = published,
            Updated = updated,
            Summary = CleanText(metadata.Summary) is { } given ? summarizer.Shorten(given) : "",
            ContentHtml = "",
            Authors = metadata.Authors.Select(CleanText).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            AuthorUrls = AuthorUrls(metadata),
            Categories = metadata.Categories.Select(CleanText).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Origin = Origin(metadata),
            Language = LanguageTag.Of(CleanText(metadata.Language)),
            Image = HttpUrl(metadata.Image),
            Attachments = Attachments(metadata),
            Expires = metadata.Expires?.At,
            DerivedWith = Derivation,
        };
    }

    /// <summary>
    /// The header completed with its body: freed of junk and sanitized (always last), a summary
    /// from the lead unless the file gave one, and every source.
    /// </summary>
    private Article WithBody(Article header, ArticleDraft draft)
    {
        var articleUrl = header.Url ?? new Uri(siteRoot, header.Path);
        var body = SanitizedBody.Of(ParseBody(draft), articleUrl);
        if (body.Text.Paragraphs.Count == 0)
        {
            throw new ArticleRejectedException("it has a title but no body text");
        }

        return header with
        {
            Summary = header.Summary.Length > 0 ? header.Summary : summarizer.Summarize(LeadFilter.Lead(body.Text.Lead)),
            ContentHtml = body.Html,
            Image = header.Image ?? BodyImage.First(body.Html),
            Sources = sources.Collect(
                [.. draft.Metadata.Sources.Select(source => source with { Name = CleanText(source.Name) ?? "" })],
                body.Text.Links, string.Join("\n\n", body.Text.Paragraphs), articleUrl, siteRoot),
            DerivedWith = Derivation,
        };
    }

    /// <summary>The body parsed once, HTML freed of junk blocks; null when the parser fails (the body is then empty).</summary>
    private static HtmlDocument? ParseBody(ArticleDraft draft)
    {
        if (draft.BodyHtml is not { } html)
        {
            return HtmlDocuments.TryParse(HtmlText.Paragraphs(CleanParagraphs(draft.Paragraphs)));
        }

        var document = HtmlDocuments.TryParse(html);
        if (document is not null)
        {
            HtmlJunkFilter.RemoveJunk(document);
        }

        return document;
    }

    private static IEnumerable<string> CleanParagraphs(IReadOnlyList<string> paragraphs) =>
        JunkFilter.Clean(paragraphs).Select(TextHygiene.CleanLine).Where(p => p.Length > 0);

    /// <summary>
    /// A metadata text as one clean line. Readers hand over plain text (a page's entities are
    /// decoded by its reader), so nothing here is read as markup: "AT&amp;T &lt;Game 5&gt;" stays
    /// exactly that, and the writers escape it for each field's type.
    /// </summary>
    private static string? CleanText(string? text) =>
        text is not null && TextHygiene.CleanLine(text) is { Length: > 0 } plain ? plain : null;

    private Uri? HttpUrl(Uri? url) =>
        url is null ? null : UrlPolicy.ResolveDecoded(url.OriginalString, siteRoot);

    /// <summary>
    /// The authors' pages, keyed by the name as <see cref="Article.Authors"/> holds it (cleaned
    /// the same way), each made absolute against the site's root and judged again by the policy.
    /// </summary>
    private IReadOnlyDictionary<string, Uri> AuthorUrls(ArticleMetadata metadata)
    {
        var byName = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var (name, url) in metadata.AuthorUrls)
        {
            if (CleanText(name) is { } clean && HttpUrl(url) is { } absolute)
            {
                byName.TryAdd(clean, absolute);
            }
        }

        return byName.Count == 0 ? ReadOnlyDictionary<string, Uri>.Empty : byName;
    }

    /// <summary>
    /// The files given with the article, each URL made absolute against the site's root and judged
    /// again by the policy, typed by its extension when no type was given; each URL once.
    /// </summary>
    private List<MediaAttachment> Attachments(ArticleMetadata metadata) =>
        [.. metadata.Attachments
            .Select(given => HttpUrl(given.Url) is { } url
                ? new MediaAttachment(url, given.MediaType ?? MediaTypes.FromExtension(url) ?? MediaTypes.Unknown, given.Length, given.Duration, CleanText(given.Title))
                : null)
            .OfType<MediaAttachment>()
            .DistinctBy(attachment => attachment.Url.AbsoluteUri)];

    /// <summary>The outlet the article came from: a name, a URL or both, completed from the outlet directory.</summary>
    private SourceLink? Origin(ArticleMetadata metadata)
    {
        var name = CleanText(metadata.SourceName);
        var url = HttpUrl(metadata.SourceUrl) ?? (name is null ? null : outlets.Find(name)?.HomePage);
        return url is null ? null : new SourceLink(name ?? sources.NameOf(url, ""), url);
    }
}
