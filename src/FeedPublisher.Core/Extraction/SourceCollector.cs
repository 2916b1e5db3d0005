using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Every source an article relies on, deduplicated, in order: the ones given explicitly, then
/// links in the body to other sites, then outlets cited in the text. A link is named after its
/// outlet when the outlet is known, else by its text; share buttons, links to media (a player's
/// stand-in, <see cref="MediaPlayers.IsMedia"/>) and links back to the
/// article's own site are left out, and a cited outlet that a body link already covers (the
/// same site, or a link with the outlet's name as its text) is not listed twice.
/// </summary>
public sealed class SourceCollector(OutletDirectory outlets, SourceFinder finder)
{
    public IReadOnlyList<SourceLink> Collect(
        IReadOnlyList<SourceLink> explicitSources,
        IReadOnlyList<(Uri Url, string Text)> bodyLinks,
        string text,
        Uri articleUrl,
        Uri siteRoot)
    {
        var sources = new List<SourceLink>();
        // Readers already refused what the URL policy refuses; checked again, as every URL that
        // reaches a feed is, and a relative one resolved against the article's address.
        foreach (var source in explicitSources)
        {
            if (UrlPolicy.ResolveDecoded(source.Url.OriginalString, articleUrl) is not { } url)
            {
                continue;
            }

            Add(sources, new SourceLink(source.Name.Length > 0 ? source.Name : NameOf(url, ""), url), sameHostCovers: false);
        }

        foreach (var (url, linkText) in bodyLinks)
        {
            if ((url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                && !ShareLinks.IsShareLink(url)
                && !MediaPlayers.IsMedia(url)
                && !Hosts.SameSite(url.Host, articleUrl.Host)
                && !Hosts.SameSite(url.Host, siteRoot.Host))
            {
                Add(sources, new SourceLink(NameOf(url, linkText), TrackingParameters.Remove(url)), sameHostCovers: false);
            }
        }

        // "told ABC News" where "ABC News" is itself a link: the link already stands for it.
        var linkTexts = bodyLinks.Select(l => l.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var cited in finder.Find(text).Where(c => !linkTexts.Contains(c.Name)))
        {
            Add(sources, cited, sameHostCovers: true);
        }

        return sources;
    }

    /// <summary>The outlet's name when its site is known, else the link's text, else the host.</summary>
    public string NameOf(Uri url, string linkText) =>
        outlets.FindByHost(url.Host)?.Name ?? (linkText.Length is > 0 and <= 100 ? linkText : Hosts.WithoutWww(url.Host));

    private static void Add(List<SourceLink> sources, SourceLink source, bool sameHostCovers)
    {
        var duplicate = sources.Any(s => s.Url.AbsoluteUri == source.Url.AbsoluteUri
            || (sameHostCovers && Hosts.SameSite(s.Url.Host, source.Url.Host)));
        if (!duplicate)
        {
            sources.Add(source);
        }
    }
}
