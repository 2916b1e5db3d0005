using System.Security.Cryptography;
using System.Text;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Building;

/// <summary>
/// Where each article's link points: its own URL when it has one (a canonical link); else, for a
/// site that hosts its own pages (<see cref="SiteInfo.ArticleUrl"/>), that template filled in;
/// else the page the publish writes for it (<see cref="ArticlePagePath"/>), at the path that page
/// was given (<see cref="Assigned"/>: only the few that differ from their own, when two would meet).
/// </summary>
public sealed class ArticleLinks(SiteInfo site, IReadOnlyDictionary<string, string>? assigned = null)
{
    /// <summary>Articles whose page is not at <see cref="ArticlePagePath.For"/>, by id: its path.</summary>
    public IReadOnlyDictionary<string, string> Assigned { get; } = assigned ?? new Dictionary<string, string>();

    /// <summary>True when the publish writes a page for each article without a URL of its own.</summary>
    public bool WritesPages => site.ArticleUrl is null;

    public Uri Of(Article article) =>
        article.Url
        ?? (site.ArticleUrl is { } template ? ArticleUrlTemplate.Fill(template, article) : new Uri(site.Root, PagePathOf(article.Id, article.Published)));

    public string PagePathOf(string id, DateTimeOffset published) => Assigned.GetValueOrDefault(id) ?? ArticlePagePath.For(id, published);

    /// <summary>
    /// A few characters that change when any assigned path does ("" when none is): part of what the
    /// feed and archive fingerprints are taken with, since the links in their files change with them.
    /// </summary>
    public string Fingerprint()
    {
        if (Assigned.Count == 0)
        {
            return "";
        }

        var text = string.Join('\n', Assigned.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}\t{a.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
