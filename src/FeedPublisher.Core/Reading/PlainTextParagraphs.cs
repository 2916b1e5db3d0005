namespace FeedPublisher.Core.Reading;

/// <summary>Plain text to paragraphs: blank lines separate them; the lines inside one are kept.</summary>
public static class PlainTextParagraphs
{
    /// <summary>
    /// Lines of one body. Every line of plain text passes the junk filters one by one (about half a
    /// microsecond each): 2.5 million short lines took over a second; an article has hundreds.
    /// </summary>
    public const int MaxLines = 100_000;

    public static IReadOnlyList<string> Split(string text) => Split(text.ReplaceLineEndings("\n").Split('\n'));

    /// <exception cref="ArticleRejectedException">More lines than <see cref="MaxLines"/>.</exception>
    public static IReadOnlyList<string> Split(ReadOnlySpan<string> lines)
    {
        if (lines.Length > MaxLines)
        {
            throw new ArticleRejectedException($"the text has {lines.Length:N0} lines, more than the {MaxLines:N0} read");
        }

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
