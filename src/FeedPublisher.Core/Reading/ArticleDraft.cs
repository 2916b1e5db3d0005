namespace FeedPublisher.Core.Reading;

/// <summary>
/// What a reader found in a file, before extraction: its metadata and its body, either as HTML
/// (Markdown, HTML pages, JSON <c>body_html</c>) or as plain-text paragraphs (.txt, JSON
/// <c>body_text</c>; lines inside a paragraph are kept, so junk lines can still be told apart).
/// </summary>
public sealed record ArticleDraft(ArticleMetadata Metadata, string? BodyHtml, IReadOnlyList<string> Paragraphs)
{
    public static ArticleDraft FromText(ArticleMetadata metadata, IReadOnlyList<string> paragraphs) => new(metadata, null, paragraphs);

    public static ArticleDraft FromHtml(ArticleMetadata metadata, string html) => new(metadata, html, []);
}
