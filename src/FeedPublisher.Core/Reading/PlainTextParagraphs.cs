using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>Plain text to paragraphs: blank lines separate them; the lines inside one are kept.</summary>
public static class PlainTextParagraphs
{
    /// <summary>
    /// Lines of one body. Every line of plain text passes the junk filters one by one (about half a
    /// microsecond each): 2.5 million short lines took over a second; an article has hundreds.
    /// </summary>
    public const int MaxLines = 100_000;

    public static IReadOnlyList<string> Split(string text)
    {
        CheckLines(text);
        return Split(text.ReplaceLineEndings("\n").Split('\n'));
    }

    /// <summary>Rejects text of too many lines before it is cut into them (2.5 million strings cost half a second).</summary>
    /// <exception cref="ArticleRejectedException">More lines than <see cref="MaxLines"/>.</exception>
    public static void CheckLines(string text)
    {
        // '\n' and '\r' make almost every line ending: counting them is one vectorized pass, and
        // the rarer endings (U+2028...) are still caught by Split, after the cutting.
        if (text.AsSpan().Count('\n') + text.AsSpan().Count('\r') >= MaxLines)
        {
            var lines = text.ReplaceLineEndings("\n").AsSpan().Count('\n') + 1;
            if (lines > MaxLines)
            {
                throw TooMany(lines);
            }
        }
    }

    /// <exception cref="ArticleRejectedException">More lines than <see cref="MaxLines"/>.</exception>
    public static IReadOnlyList<string> Split(ReadOnlySpan<string> lines)
    {
        if (lines.Length > MaxLines)
        {
            throw TooMany(lines.Length);
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

    private static ArticleRejectedException TooMany(int lines) => new($"the text has {lines:N0} lines, more than the {MaxLines:N0} read");
}
