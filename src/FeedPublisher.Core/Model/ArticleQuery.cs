namespace FeedPublisher.Core.Model;

/// <summary>
/// Which articles a feed shows: all of them, or those in any of the given categories and (when
/// both are given) by any of the given authors. Terms are named by their slugs.
/// </summary>
public sealed record ArticleQuery(IReadOnlyList<string> CategorySlugs, IReadOnlyList<string> AuthorSlugs)
{
    public static readonly ArticleQuery All = new([], []);

    public static ArticleQuery For(TermKind kind, string slug) =>
        kind == TermKind.Category ? new([slug], []) : new([], [slug]);
}
