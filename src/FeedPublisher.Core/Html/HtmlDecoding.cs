using System.Net;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Text out of HtmlAgilityPack, which keeps entities raw in text and attributes. Decoded exactly
/// once with <see cref="WebUtility.HtmlDecode"/> (HtmlAgilityPack's own DeEntitize gets entities
/// above U+FFFF wrong), then cleaned of characters XML forbids, such as a decoded <c>&amp;#xD800;</c>.
/// </summary>
public static partial class HtmlDecoding
{
    public static string Decode(string? raw) =>
        raw is null ? ""
        : !raw.Contains('&', StringComparison.Ordinal) ? TextHygiene.StripInvalidXmlChars(raw) // no reference: nothing to decode
        : TextHygiene.StripInvalidXmlChars(UndecodableNumericReference().Replace(WebUtility.HtmlDecode(raw), ""));

    /// <summary>Decoded, whitespace collapsed, trimmed; null when nothing readable is left.</summary>
    public static string? DecodeLine(string? raw) => TextHygiene.CleanLine(Decode(raw)) is { Length: > 0 } line ? line : null;

    /// <summary>A numeric reference that HtmlDecode left alone names no character (&amp;#xD800;, &amp;#0;): it goes.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("&#(?:[xX][0-9a-fA-F]+|[0-9]+);?")]
    private static partial System.Text.RegularExpressions.Regex UndecodableNumericReference();
}
