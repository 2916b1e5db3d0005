using System.Buffers;
using System.Net;
using System.Text;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Which URLs may appear in a feed: http and https (and mailto for links), made absolute against
/// the article's address. The scheme is judged as a browser would read it: entities decoded,
/// and tabs, newlines, spaces and control characters ignored, so <c>jav&amp;#x09;ascript:</c>
/// and <c>&#10;javascript:</c> are caught like <c>javascript:</c>. Tracking parameters are removed.
/// </summary>
public static class UrlPolicy
{
    private static readonly SearchValues<char> Ignored = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsIgnored)]);

    /// <summary>An absolute, allowed URL, or null. <paramref name="raw"/> is an attribute value with its entities still encoded.</summary>
    public static Uri? Resolve(string raw, Uri baseUrl, bool allowMailto = false) =>
        ResolveDecoded(WebUtility.HtmlDecode(raw), baseUrl, allowMailto);

    /// <summary>As <see cref="Resolve"/>, for a value whose entities are already decoded.</summary>
    public static Uri? ResolveDecoded(string decoded, Uri baseUrl, bool allowMailto = false)
    {
        var value = RemoveIgnoredCharacters(decoded);
        if (value.Length == 0 || !Uri.TryCreate(baseUrl, value, out var url))
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? TrackingParameters.Remove(url)
            : allowMailto && url.Scheme == Uri.UriSchemeMailto ? url
            : null;
    }

    /// <summary>
    /// Browsers drop tabs and newlines anywhere in a URL and leading or trailing spaces and
    /// control characters; we drop every control character and every whitespace, which is stricter.
    /// </summary>
    private static string RemoveIgnoredCharacters(string value)
    {
        if (value.AsSpan().IndexOfAny(Ignored) < 0)
        {
            return value;
        }

        var clean = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsIgnored(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool IsIgnored(char c) => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u00AD';
}
