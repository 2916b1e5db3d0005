using System.Buffers;
using System.Text;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Turns plain text into HTML text and builds the few fragments that we generate ourselves.
/// Only the characters HTML needs are escaped, so non-ASCII text stays readable in the output.
/// </summary>
public static class HtmlText
{
    private static readonly SearchValues<char> ContentSpecial = SearchValues.Create("&<>");
    private static readonly SearchValues<char> AttributeSpecial = SearchValues.Create("&<>\"");

    /// <summary>Text as HTML element content.</summary>
    public static string Encode(string text) => Build(text, inAttribute: false);

    /// <summary>Text as a double-quoted HTML attribute value.</summary>
    public static string EncodeAttribute(string text) => Build(text, inAttribute: true);

    /// <summary>Appends text as HTML element content.</summary>
    public static void AppendEncoded(StringBuilder html, string text) => Append(html, text, inAttribute: false);

    /// <summary>Appends text as a double-quoted HTML attribute value.</summary>
    public static void AppendAttribute(StringBuilder html, string text) => Append(html, text, inAttribute: true);

    private static string Build(string text, bool inAttribute)
    {
        var html = new StringBuilder(text.Length + 16);
        Append(html, text, inAttribute);
        return html.ToString();
    }

    private static void Append(StringBuilder html, string text, bool inAttribute)
    {
        var rest = text.AsSpan();
        var special = inAttribute ? AttributeSpecial : ContentSpecial;
        for (var i = rest.IndexOfAny(special); i >= 0; i = rest.IndexOfAny(special))
        {
            html.Append(rest[..i]).Append(rest[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            rest = rest[(i + 1)..];
        }

        html.Append(rest);
    }

    /// <summary>Renders plain-text paragraphs as <c>&lt;p&gt;</c> elements.</summary>
    public static string Paragraphs(IEnumerable<string> paragraphs)
    {
        var html = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>");
            AppendEncoded(html, paragraph);
            html.Append("</p>\n");
        }

        return html.ToString();
    }
}
