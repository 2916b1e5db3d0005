using FeedPublisher.Core.Model;
using FeedPublisher.Core.Text;
using Markdig;
using Markdig.Syntax;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// Markdown (CommonMark with Markdig's common extensions), with optional front matter. The title
/// is the front matter's, else the first level-1 heading, which then leaves the body.
/// </summary>
public sealed class MarkdownArticleReader : IArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public ArticleDraft Read(ArticleSource source)
    {
        var (metadata, body) = FrontMatter.Split(source.Text);
        MarkdownShape.Check(body);
        try
        {
            return Parse(body, metadata);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses absurd nesting (while parsing inlines or rendering) rather than
            // overflow the stack: so do we.
            throw new ArticleRejectedException($"the Markdown cannot be read: {e.Message}");
        }
    }

    private static ArticleDraft Parse(string body, ArticleMetadata metadata)
    {
        var document = Markdown.Parse(body, Pipeline);
        var heading = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var fromBody = ArticleMetadata.Empty;
        if (heading is not null)
        {
            var headingText = body.Substring(heading.Span.Start, heading.Span.Length);
            fromBody = new ArticleMetadata { Title = TextHygiene.CleanLine(Markdown.ToPlainText(headingText.TrimStart('#', ' '), Pipeline)) };
            document.Remove(heading);
        }

        // The pipeline's pooled renderer: a new renderer and writer per article cost more than rendering.
        return ArticleDraft.FromHtml(fromBody.OverriddenBy(metadata), document.ToHtml(Pipeline));
    }
}
