using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FeedPublisher.Core.Writing.Rules;

/// <summary>Checks shared by the format validators.</summary>
internal static partial class FeedRules
{
    public static bool IsAbsoluteHttp(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    public static bool HasMarkup(string text) => Markup().IsMatch(text);

    /// <summary>RFC 822 as the W3C validator wants it: a numeric zone or GMT, never a bare "Z".</summary>
    public static bool IsRfc822(string text) => Rfc822().IsMatch(text);

    public static bool IsRfc3339(string text) => Rfc3339().IsMatch(text);

    /// <summary>Elements with nothing in them at all: no text, no children, no attributes (RFC 5005's fh: markers are empty by design).</summary>
    public static IEnumerable<string> EmptyElements(XDocument document) =>
        document.Descendants()
            .Where(e => !e.HasAttributes && !e.HasElements && e.Value.Trim().Length == 0 && e.Name.Namespace != FeedNamespaces.FeedHistory)
            .Select(e => e.Name.LocalName);

    /// <summary>Namespace declarations anywhere but the root element.</summary>
    public static bool HasNestedNamespaceDeclarations(XDocument document) =>
        document.Root!.Descendants().Any(e => e.Attributes().Any(a => a.IsNamespaceDeclaration));

    /// <summary>Relative or unsafe href/src URLs inside HTML content.</summary>
    public static IEnumerable<string> NonAbsoluteUrlsInHtml(string html) =>
        HtmlUrl().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Where(url => !IsAbsoluteHttp(url) && !url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex("""(?:href|src)\s*=\s*"(?<url>[^"]*)"|(?:href|src)\s*=\s*'(?<url>[^']*)'""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlUrl();
}
