using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// The plain-text format: the first non-empty line is the title, the rest are paragraphs
/// separated by blank lines.
/// </summary>
public sealed class TextArticleReader : IArticleReader
{
    /// <summary>A title longer than this is a paragraph that lost its title, not a title.</summary>
    private const int MaxTitleLength = 500;

    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public ArticleDraft Read(ArticleSource source)
    {
        var lines = source.Text.ReplaceLineEndings("\n").Split('\n');
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

        return new ArticleDraft(title, SplitParagraphs(lines.AsSpan(first + 1)));
    }

    private static List<string> SplitParagraphs(ReadOnlySpan<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(string.Join('\n', current));
                current.Clear();
            }
        }
    }
}
