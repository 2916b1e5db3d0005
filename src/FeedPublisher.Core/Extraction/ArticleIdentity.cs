using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// An article's identity: its <c>id</c> when the file gives one, else its path relative to the
/// articles folder without the extension ("world/kim-dialogue"). Its page's path comes from its
/// last segment and the publication month (<see cref="Building.ArticlePagePath"/>).
/// </summary>
public static class ArticleIdentity
{
    public const int MaxLength = 200;

    /// <summary>The id a file's article has: its own, else its path's.</summary>
    public static string Resolve(Reading.ArticleMetadata metadata, string relativePath) =>
        Validate(metadata.Id) ?? FromRelativePath(relativePath);

    public static string FromRelativePath(string relativePath)
    {
        var normalized = relativePath.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var dot = normalized.LastIndexOf('.');
        return dot > slash + 1 ? normalized[..dot] : normalized;
    }

    /// <summary>An explicit id, trimmed; rejected when it is too long or holds control characters.</summary>
    public static string? Validate(string? id)
    {
        if (id is null || id.Trim().Length == 0)
        {
            return null;
        }

        var trimmed = id.Trim();
        return trimmed.Length <= MaxLength && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw new ArticleRejectedException($"the id must be 1 to {MaxLength} characters without control characters");
    }

    /// <summary>
    /// A relative URL path for an id: each segment escaped, and "." / ".." segments dropped, so
    /// that the URL can never climb above the base URL.
    /// </summary>
    public static string ToUrlPath(string id) =>
        string.Join('/', id.Split('/')
            .Where(segment => segment.Length > 0 && segment is not ("." or ".."))
            .Select(Uri.EscapeDataString));
}
