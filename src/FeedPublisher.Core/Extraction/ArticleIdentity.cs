namespace FeedPublisher.Core.Extraction;

/// <summary>
/// An article's identity is its path relative to the articles folder without the extension
/// ("world/kim-dialogue"); its page lives at the same path below the site's base URL.
/// </summary>
public static class ArticleIdentity
{
    public static string FromRelativePath(string relativePath)
    {
        var normalized = relativePath.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var dot = normalized.LastIndexOf('.');
        return dot > slash + 1 ? normalized[..dot] : normalized;
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
