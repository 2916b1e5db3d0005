using FeedPublisher.Core.Html;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// The URL allowlist for every URL a file gives under a key (<c>url</c>, <c>source_url</c>,
/// <c>sources</c>, <c>image</c>, and any key added later): the same <see cref="UrlPolicy"/> as
/// links in a body, so a <c>javascript:</c> or <c>vbscript:</c> source never becomes a link in
/// a feed. A refused URL, or a value that is no URL at all, is left out with a warning naming the
/// key, and the article is still published; relative URLs pass, and extraction resolves them
/// against the article's address (checking them again).
/// </summary>
internal sealed class KeyUrls
{
    /// <summary>Any http base: only the scheme of what the key gives is judged here.</summary>
    private static readonly Uri ProbeBase = new("http://key.invalid/");

    private const int QuotedLength = 80;

    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The URL as written under <paramref name="key"/> when it is one and the allowlist takes it, else null and a warning.</summary>
    public Uri? Allowed(string? text, string key)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.RelativeOrAbsolute, out var url) && UrlPolicy.ResolveDecoded(url.OriginalString, ProbeBase) is not null)
        {
            return url;
        }

        _warnings.Add($"'{key}': \"{Quoted(text)}\" is not an http or https URL; it was left out");
        return null;
    }

    /// <summary>Hostile values can be long and hold anything: a warning quotes one clean line of them.</summary>
    internal static string Quoted(string url)
    {
        var line = TextHygiene.CleanLine(url);
        return line.Length <= QuotedLength ? line : string.Concat(line.AsSpan(0, QuotedLength), "…");
    }
}
