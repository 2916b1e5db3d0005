namespace FeedPublisher.Core.Reading;

/// <summary>Plain text to paragraphs: blank lines separate them; the lines inside one are kept.</summary>
public static class PlainTextParagraphs
{
    public static IReadOnlyList<string> Split(string text) => Split(text.ReplaceLineEndings("\n").Split('\n'));

    public static IReadOnlyList<string> Split(ReadOnlySpan<string> lines)
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
