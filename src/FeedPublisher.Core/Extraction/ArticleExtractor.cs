using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Turns a reader's draft into an article: junk removed, whitespace normalized, a summary from
/// the lead, the cited sources, and the body rendered once as HTML. Dates are the caller's:
/// they depend on what the store already knows of the article.
/// </summary>
public sealed class ArticleExtractor(Summarizer summarizer, SourceFinder sourceFinder)
{
    public Article Extract(ArticleSource source, ArticleDraft draft, DateTimeOffset published, DateTimeOffset updated)
    {
        var paragraphs = JunkFilter.Clean(draft.Paragraphs)
            .Select(TextHygiene.CleanLine)
            .Where(p => p.Length > 0)
            .ToList();
        if (paragraphs.Count == 0)
        {
            throw new ArticleRejectedException("it has a title but no body text");
        }

        var id = ArticleIdentity.FromRelativePath(source.RelativePath);
        return new Article
        {
            Id = id,
            Title = draft.Title,
            Path = ArticleIdentity.ToUrlPath(id),
            Published = published,
            Updated = updated,
            Summary = summarizer.Summarize(paragraphs),
            ContentHtml = HtmlText.Paragraphs(paragraphs),
            Sources = sourceFinder.Find(string.Join("\n\n", paragraphs)),
        };
    }
}
