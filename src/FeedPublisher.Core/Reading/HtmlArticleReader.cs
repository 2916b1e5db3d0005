using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// A saved web page or an HTML fragment. Metadata comes from the page's own markup (meta tags,
/// JSON-LD, <c>&lt;time&gt;</c>, a byline), the body from its main content, never from its
/// navigation, footers, asides or widgets. Front matter, if any, overrides the page.
/// </summary>
public sealed class HtmlArticleReader : IArticleReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public ArticleDraft Read(ArticleSource source)
    {
        var (frontMatter, body) = FrontMatter.Split(source.Text);
        var document = HtmlDocuments.Parse(body);
        var fromPage = JsonLdMetadata.Read(document).OverriddenBy(HtmlPageMetadata.Read(document));
        if (fromPage.Title is null)
        {
            fromPage = fromPage with { Title = HtmlPageMetadata.FallbackTitle(document) };
        }

        var content = HtmlMainContent.Extract(document, fromPage.Title);
        return ArticleDraft.FromHtml(fromPage.OverriddenBy(frontMatter), content);
    }
}
