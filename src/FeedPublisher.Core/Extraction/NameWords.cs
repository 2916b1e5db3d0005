namespace FeedPublisher.Core.Extraction;

/// <summary>The words around an attribution, as <see cref="OutletNames"/> compares them with outlet names.</summary>
internal static class NameWords
{
    /// <summary>Up to <paramref name="count"/> words from <paramref name="start"/>, up to the punctuation that ends a name.</summary>
    public static List<string> From(string text, int start, int count)
    {
        var words = new List<string>(count);
        var i = start;
        while (words.Count < count && i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var begin = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsPunctuationEnd(text, i))
            {
                i++;
            }

            if (i == begin)
            {
                break;
            }

            words.Add(text[begin..i]);
            if (i < text.Length && IsPunctuationEnd(text, i))
            {
                break;
            }
        }

        return words;
    }

    /// <summary>The word that ends (before spaces) at <paramref name="end"/>, and where it starts.</summary>
    public static ReadOnlySpan<char> Before(string text, int end, out int start)
    {
        var i = end;
        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        var stop = i;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not (',' or '.' or ';' or ':' or '(' or '"' or '“'))
        {
            i--;
        }

        start = i;
        return text.AsSpan(i, stop - i);
    }

    /// <summary>Punctuation that ends a name: "According to Reuters, ..." or "told CNN."</summary>
    private static bool IsPunctuationEnd(string text, int i) =>
        text[i] is ',' or ';' or ':' or '!' or '?' or ')' or '"' or '”'
        || (text[i] == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
}
