using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// One linear pass over Markdown before Markdig parses it, for the shapes whose parse time is not
/// linear. Markdig scans a link destination after every <c>](</c> to the end of its line (a
/// hundred of them before 5 MB of text: 3 s), matches brackets and emphasis delimiters within a
/// paragraph pairwise (16,000 <c>[^a]</c>: 3 s), and compares every line's indentation with every
/// open container (a list nested 1,000 deep: 5 s, only to refuse it for its depth). So the pass
/// estimates that work, in steps, and rejects the file, naming the line, before Markdig starts.
/// </summary>
internal static class MarkdownShape
{
    /// <summary>Leading spaces, tabs, '&gt;' and list markers of one line: 50 nested lists or quotes, beyond anything written.</summary>
    public const int MaxIndent = 100;

    /// <summary>Steps of the inline work estimated below; an ordinary article needs well under a million.</summary>
    public const long MaxInlineSteps = 50_000_000;

    /// <exception cref="ArticleRejectedException">A shape that would take Markdig too long.</exception>
    public static void Check(string markdown)
    {
        long steps = 0;
        long brackets = 0;
        long delimiters = 0;
        var paragraphLine = 0;
        var lineNumber = 0;
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = markdown.AsSpan(range);
            var indent = Indent(line);
            if (indent > MaxIndent)
            {
                throw new ArticleRejectedException($"line {lineNumber}: the Markdown is too deeply nested: indented, quoted or listed {indent} deep (more than {MaxIndent} spaces, tabs, '>' or list markers)");
            }

            if (line.IsWhiteSpace())
            {
                steps += (brackets * brackets) + (delimiters * delimiters);
                (brackets, delimiters, paragraphLine) = (0, 0, 0);
                continue;
            }

            paragraphLine = paragraphLine == 0 ? lineNumber : paragraphLine;
            for (var i = line.IndexOfAny(Inline); i >= 0; i = Next(line, i))
            {
                switch (line[i])
                {
                    case '[' or ']':
                        brackets++;
                        steps += line[i] == ']' && i + 1 < line.Length && line[i + 1] == '(' ? line.Length - i : 0;
                        break;
                    case var mark when i == 0 || line[i - 1] != mark:
                        delimiters++; // a run of one mark is one delimiter
                        break;
                }
            }

            if (steps + (brackets * brackets) + (delimiters * delimiters) > MaxInlineSteps)
            {
                throw new ArticleRejectedException($"line {paragraphLine}: the Markdown has too many links, brackets or emphasis marks ('[', ']', '*', '_', '~') to read in time");
            }
        }
    }

    private static readonly System.Buffers.SearchValues<char> Inline = System.Buffers.SearchValues.Create("[]*_~");

    private static int Next(ReadOnlySpan<char> line, int i)
    {
        var found = line[(i + 1)..].IndexOfAny(Inline);
        return found < 0 ? -1 : i + 1 + found;
    }

    /// <summary>The line's container prefix: white space, '&gt;' and list markers ("- ", "* ", "+ ").</summary>
    private static int Indent(ReadOnlySpan<char> line)
    {
        var indent = 0;
        while (indent < line.Length && (line[indent] is ' ' or '\t' or '>'
            || (line[indent] is '-' or '*' or '+' && indent + 1 < line.Length && line[indent + 1] == ' ')))
        {
            indent++;
        }

        return indent;
    }
}
