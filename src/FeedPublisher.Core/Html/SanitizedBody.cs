using System.Text;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// An article body as published (sanitized, trimmed, ending in a newline) and its text as read
/// from that HTML, from one parse of the input: the text is collected while the sanitizer writes,
/// and the output is parsed again only when the parser would not read back what was written.
/// </summary>
public sealed record SanitizedBody(string Html, HtmlBodyText Text)
{
    /// <param name="document">The parsed body, after any transform; null when it could not be parsed (nothing is kept).</param>
    /// <param name="baseUrl">What relative URLs resolve against.</param>
    public static SanitizedBody Of(HtmlDocument? document, Uri baseUrl)
    {
        var collector = new HtmlBodyTextCollector();
        var output = new StringBuilder(document?.Text.Length ?? 0);
        if (document is not null)
        {
            HtmlSanitizer.Write(output, document, baseUrl, collector);
        }

        var html = TrimmedLine(output);
        var text = collector.MatchesParsedOutput ? collector.Build() : HtmlBodyText.Read(HtmlDocuments.Parse(html));
        return new SanitizedBody(html, text);
    }

    /// <summary>The output without white space at either end, then one newline (one copy, where Trim and + made two).</summary>
    private static string TrimmedLine(StringBuilder output)
    {
        var end = output.Length;
        while (end > 0 && char.IsWhiteSpace(output[end - 1]))
        {
            end--;
        }

        var start = 0;
        while (start < end && char.IsWhiteSpace(output[start]))
        {
            start++;
        }

        output.Length = end;
        return output.Append('\n').ToString(start, end + 1 - start);
    }
}
