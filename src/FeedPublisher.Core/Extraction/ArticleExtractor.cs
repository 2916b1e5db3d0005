using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Turns a reader's draft into an article: the title cleaned, the body freed of junk and
/// sanitized (always last), a summary from the lead unless one was given, every source, and the
/// dates. Relative URLs resolve against the article's address below <paramref name="siteRoot"/>.
/// </summary>
public sealed class ArticleExtractor(Summarizer summarizer, SourceCollector sources, OutletDirectory outlets, Uri siteRoot)
{
    /// <param name="id">The article's identity (<see cref="ArticleIdentity.Resolve"/>).</param>
    /// <param name="fileTime">The file's last write time.</param>
    /// <param name="firstPublished">When the store first published this id, if it did.</param>
    public Article Extract(ArticleDraft draft, string id, DateTimeOffset fileTime, DateTimeOffset? firstPublished)
    {
        var metadata = draft.Metadata;
        var title = CleanText(metadata.Title) ?? throw new ArticleRejectedException("it has no title");
        var path = ArticleIdentity.ToUrlPath(id);
        var url = HttpUrl(metadata.Url);
        var articleUrl = url ?? new Uri(siteRoot, path);

        var contentHtml = (draft.BodyHtml is { } html
            ? HtmlSanitizer.Sanitize(html, articleUrl, HtmlJunkFilter.RemoveJunk)
            : HtmlSanitizer.Sanitize(HtmlText.Paragraphs(CleanParagraphs(draft.Paragraphs)), articleUrl)).Trim() + "\n";
        var body = HtmlBodyText.Read(contentHtml);
        if (body.Paragraphs.Count == 0)
        {
            throw new ArticleRejectedException("it has a title but no body text");
        }

        var (published, updated) = ArticleDates.Resolve(metadata, fileTime, firstPublished);
        return new Article
        {
            Id = id,
            Title = title,
            Path = path,
            Url = url,
            Published = published,
            Updated = updated,
            Summary = CleanText(metadata.Summary) is { } given ? summarizer.Shorten(given) : summarizer.Summarize(LeadFilter.Lead(body.Lead)),
            ContentHtml = contentHtml,
            Authors = metadata.Authors.Select(CleanText).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Categories = metadata.Categories.Select(CleanText).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Sources = sources.Collect(metadata.Sources, body.Links, string.Join("\n\n", body.Paragraphs), articleUrl, siteRoot),
            Origin = Origin(metadata),
            Language = CleanText(metadata.Language),
            Image = HttpUrl(metadata.Image),
        };
    }

    private static IEnumerable<string> CleanParagraphs(IReadOnlyList<string> paragraphs) =>
        JunkFilter.Clean(paragraphs).Select(TextHygiene.CleanLine).Where(p => p.Length > 0);

    /// <summary>Plain text from any source: entities decoded once, tags dropped, whitespace collapsed.</summary>
    private static string? CleanText(string? text) =>
        text is null ? null
        : text.AsSpan().IndexOfAny('<', '&') < 0 ? (TextHygiene.CleanLine(text) is { Length: > 0 } plain ? plain : null)
        : HtmlDecoding.DecodeLine(HtmlTextContent.Of(HtmlDocuments.Parse(text).DocumentNode));

    private Uri? HttpUrl(Uri? url) =>
        url is null ? null : UrlPolicy.ResolveDecoded(url.OriginalString, siteRoot);

    /// <summary>The outlet the article came from: a name, a URL or both, completed from the outlet directory.</summary>
    private SourceLink? Origin(ArticleMetadata metadata)
    {
        var name = CleanText(metadata.SourceName);
        var url = HttpUrl(metadata.SourceUrl) ?? (name is null ? null : outlets.Find(name)?.HomePage);
        return url is null ? null : new SourceLink(name ?? sources.NameOf(url, ""), url);
    }
}
