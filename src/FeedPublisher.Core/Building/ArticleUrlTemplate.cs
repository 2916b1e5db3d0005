using System.Globalization;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Building;

/// <summary>
/// <c>Site:ArticleUrl</c>, for a site that hosts its own article pages: a URL with placeholders,
/// such as "https://news.example.com/{yyyy}/{slug}/", filled in per article: {yyyy}, {mm} and {dd}
/// from its publication date (UTC), {slug} as its page path's slug (<see cref="ArticlePagePath.SlugOf"/>),
/// {id} its id as a URL path. Checked once when the settings are read (<see cref="Problem"/>).
/// </summary>
public static class ArticleUrlTemplate
{
    public static readonly string[] Placeholders = ["{yyyy}", "{mm}", "{dd}", "{slug}", "{id}"];

    public static Uri Fill(string template, Article article) => new(Expand(template, article.Id, article.Published));

    /// <summary>Why the template cannot serve, or null when it can.</summary>
    public static string? Problem(string template)
    {
        if (!template.Contains("{slug}", StringComparison.Ordinal) && !template.Contains("{id}", StringComparison.Ordinal))
        {
            return "it must contain {slug} or {id}, or every article would get the same link";
        }

        var rest = Placeholders.Aggregate(template, (text, placeholder) => text.Replace(placeholder, "", StringComparison.Ordinal));
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            return $"it has a placeholder other than {string.Join(", ", Placeholders)}";
        }

        if (template.Any(char.IsWhiteSpace))
        {
            return "it has a space in it";
        }

        // Placeholders stand in the path only: an id in the host ("https://{id}.example.com/")
        // could make no URL at all, and fail every publish; a user name and password in every link is a leak.
        var scheme = template.IndexOf("://", StringComparison.Ordinal);
        var pathStart = scheme < 0 ? -1 : template.IndexOf('/', scheme + 3);
        var firstPlaceholder = Placeholders.Select(p => template.IndexOf(p, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (scheme >= 0 && (pathStart < 0 || firstPlaceholder < pathStart))
        {
            return "placeholders may only stand in the path, after the host";
        }

        if (scheme >= 0 && template.AsSpan(scheme + 3, pathStart - scheme - 3).Contains('@'))
        {
            return "it must not carry a user name or password";
        }

        var sample = Expand(template, "world/sample-story", new DateTimeOffset(2026, 8, 15, 9, 0, 0, TimeSpan.Zero));
        return Uri.TryCreate(sample, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? null
            : "it must be an absolute http or https URL";
    }

    private static string Expand(string template, string id, DateTimeOffset published)
    {
        var date = published.UtcDateTime;
        return template
            .Replace("{yyyy}", date.ToString("yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{mm}", date.ToString("MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{dd}", date.ToString("dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{slug}", ArticlePagePath.SlugOf(id), StringComparison.Ordinal)
            .Replace("{id}", ArticleIdentity.ToUrlPath(id), StringComparison.Ordinal);
    }
}
