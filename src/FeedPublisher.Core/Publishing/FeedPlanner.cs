using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Which feeds exist right now: the main feed, one per category and per author that has articles,
/// and the operator's named feeds. A category or author that lost its last article has no feed,
/// so its files leave the directory at this publish.
/// </summary>
public sealed class FeedPlanner(SiteInfo site, PublishSettings settings, IArticleStore store)
{
    public const string CategoriesFolder = "categories";
    public const string AuthorsFolder = "authors";

    public async Task<IReadOnlyList<FeedSpec>> PlanAsync(CancellationToken cancellationToken)
    {
        var categories = await store.GetTermsAsync(TermKind.Category, cancellationToken);
        var authors = await store.GetTermsAsync(TermKind.Author, cancellationToken);
        var specs = new List<FeedSpec>
        {
            new("", FeedGroup.Main, site.Title, site.Description, ArticleQuery.All, settings.MaxItems, FullContent: true),
        };
        specs.AddRange(settings.NamedFeeds.Select(named => new FeedSpec(
            named.Name, FeedGroup.Named, named.Title, named.Description,
            new ArticleQuery(SlugsOf(named.Categories, categories), SlugsOf(named.Authors, authors)),
            named.MaxItems ?? settings.MaxItems, named.FullContent)));
        specs.AddRange(categories.Select(c => TermFeed(c, CategoriesFolder, $"{site.Title}: {c.Name}", $"The latest articles in {c.Name}")));
        specs.AddRange(authors.Select(a => TermFeed(a, AuthorsFolder, $"{site.Title}: {a.Name}", $"The latest articles by {a.Name}")));
        return specs;
    }

    private FeedSpec TermFeed(FeedTerm term, string folder, string title, string description) =>
        new($"{folder}/{term.Slug}", term.Kind == TermKind.Category ? FeedGroup.Category : FeedGroup.Author,
            title, description, ArticleQuery.For(term.Kind, term.Slug), settings.MaxItems, FullContent: true);

    /// <summary>Names (or slugs) from configuration to the slugs in the store; a name without articles yet keeps its own slug, which matches nothing.</summary>
    private static List<string> SlugsOf(IReadOnlyList<string> names, IReadOnlyList<FeedTerm> terms) =>
        names.Select(name => terms.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || t.Slug == name)?.Slug
                ?? Building.Slug.From(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
