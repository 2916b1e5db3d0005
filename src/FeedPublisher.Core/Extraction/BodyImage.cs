using System.Net;
using System.Text.RegularExpressions;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// The first image of a sanitized body, the article's picture when its file names none: feed
/// readers show it in their lists (RSS <c>media:content</c>, JSON Feed <c>image</c>). Read from
/// the sanitizer's own output, whose shape is fixed: <c>&lt;img src="…"</c>, src first, its URL
/// already absolute and allowed, with entities encoded.
/// </summary>
internal static partial class BodyImage
{
    public static Uri? First(string sanitizedHtml) =>
        FirstImg().Match(sanitizedHtml) is { Success: true } match
        && Uri.TryCreate(WebUtility.HtmlDecode(match.Groups["src"].Value), UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    [GeneratedRegex("<img src=\"(?<src>[^\"]+)\"")]
    private static partial Regex FirstImg();
}
