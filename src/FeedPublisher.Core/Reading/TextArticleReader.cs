using FeedPublisher.Core.Model;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// The plain-text format: optional front matter, then the first non-empty line is the title and
/// the rest are paragraphs separated by blank lines. A front-matter title overrides that line.
/// </summary>
public sealed class TextArticleReader : IArticleReader
{
    /// <summary>A title longer than this is a paragraph that lost its title, not a title.</summary>
    private const int MaxTitleLength = 500;

    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public ArticleDraft Read(ArticleSource source)
    {
        var (metadata, body) = FrontMatter.Split(source.Text);
        PlainTextParagraphs.CheckLines(body);
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        if (first < 0)
        {
            throw new ArticleRejectedException("the file holds no text");
        }

        var title = TextHygiene.CleanLine(lines[first]);
        if (title.Length == 0)
        {
            throw new ArticleRejectedException($"line {first + 1}: the title holds no readable text");
        }

        if (title.Length > MaxTitleLength)
        {
            throw new ArticleRejectedException($"line {first + 1}: the first line is {title.Length} characters long, which is not a title (at most {MaxTitleLength})");
        }

        var fromBody = new ArticleMetadata { Title = title };
        return ArticleDraft.FromText(fromBody.OverriddenBy(metadata), PlainTextParagraphs.Split(lines.AsSpan(first + 1)));
    }
}
