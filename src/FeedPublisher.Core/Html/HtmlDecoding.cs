using System.Net;
using FeedPublisher.Core.Text;

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
        : TextHygiene.StripInvalidXmlChars(WebUtility.HtmlDecode(UndecodableNumericReference().Replace(raw, DropIfNoCharacter)));

    /// <summary>Decoded, whitespace collapsed, trimmed; null when nothing readable is left.</summary>
    public static string? DecodeLine(string? raw) => TextHygiene.CleanLine(Decode(raw)) is { Length: > 0 } line ? line : null;

    /// <summary>
    /// A numeric reference that names no character (&amp;#xD800;, &amp;#0;, beyond U+10FFFF), which
    /// HtmlDecode would leave as it is, goes before decoding; after decoding, "&amp;amp;#40;" has
    /// become the literal text "&amp;#40;", which is meant and stays.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")]
    private static partial System.Text.RegularExpressions.Regex UndecodableNumericReference();

    private static string DropIfNoCharacter(System.Text.RegularExpressions.Match reference)
    {
        var hex = reference.Groups[1];
        var digits = (hex.Success ? hex.ValueSpan : reference.Groups[2].ValueSpan).TrimStart('0');
        var style = hex.Success ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None;
        var names = digits.Length <= 8
            && long.TryParse(digits, style, System.Globalization.CultureInfo.InvariantCulture, out var code)
            && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);
        return names ? reference.Value : "";
    }
}
