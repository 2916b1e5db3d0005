using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Building;

/// <summary>Builds the neutral <see cref="FeedDocument"/> for a set of articles, newest first.</summary>
public sealed class FeedBuilder(SiteInfo site, Uri? hub = null, ArticleLinks? links = null)
{
    private readonly ArticleLinks _links = links ?? new ArticleLinks(site);

    /// <summary>This builder, with the links of one publish (its article pages' paths).</summary>
    public FeedBuilder With(ArticleLinks publishLinks) => new(site, hub, publishLinks);

    /// <summary>An empty feed still needs a date that does not come from the clock.</summary>
    private static readonly DateTimeOffset EmptyFeedDate = DateTimeOffset.UnixEpoch;

    public FeedDocument BuildMain(IReadOnlyList<Article> articles) =>
        Build(folder: "", site.Title, site.Description, articles);

    public FeedDocument Build(string folder, string title, string description, IReadOnlyList<Article> articles, bool fullContent = true)
    {
        var entries = articles
            .OrderByDescending(a => a.Published)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => ToEntry(a, fullContent))
            .ToList();
        var home = folder.Length == 0 ? site.Root : new Uri(site.Root, folder + "/");
        return new FeedDocument
        {
            Id = StableId.ForFeed(home),
            Title = title,
            Description = description,
            Language = site.Language,
            HomePage = site.Root,
            BaseUrl = site.Root,
            Folder = folder,
            Updated = entries.Count == 0 ? EmptyFeedDate : entries.Max(e => e.Article.Updated),
            Entries = entries,
            Hub = hub,
            Channel = site.Channel,
        };
    }

    private FeedEntry ToEntry(Article article, bool fullContent) => new(
        article with { Published = article.Published.ToUniversalTime(), Updated = article.Updated.ToUniversalTime() },
        StableId.ForArticle(article.Id),
        _links.Of(article),
        fullContent ? SourceListHtml.Append(article.ContentHtml, article.Sources) : null);
}
