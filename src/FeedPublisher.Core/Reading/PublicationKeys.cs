namespace FeedPublisher.Core.Reading;

/// <summary>
/// The keys by which other tools keep an article off their site (issue 16): drafts (Hugo's and
/// Eleventy's <c>draft: true</c>, Jekyll's <c>published: false</c>, Ghost's and WordPress's
/// <c>status</c>) and expiry dates (Hugo's <c>expiryDate</c>, <c>unpublishDate</c>, <c>expires</c>).
/// Only read here: an expiry already passed is judged at ingest, which knows the time (the file is
/// withheld); one still ahead is stored with the article (<see cref="Model.Article.Expires"/>) and
/// judged by the store's feed queries at each publish.
/// </summary>
internal static class PublicationKeys
{
    private static readonly string[] ExpiryKeys = ["expiryDate", "unpublishDate", "expires"];

    /// <summary>Statuses of articles not (yet) public in Ghost and WordPress exports; any other, <c>published</c> among them, publishes.</summary>
    private static readonly string[] WithheldStatuses = ["draft", "scheduled", "private"];

    /// <summary>The key and value that make the article a draft, as written; null to publish.</summary>
    public static string? Draft(IMetadataKeys keys)
    {
        if (keys.Flag("draft") == true)
        {
            return "draft: true";
        }

        if (keys.Flag("published") == false)
        {
            return "published: false";
        }

        return keys.Text("status") is { } status && WithheldStatuses.Contains(status, StringComparer.OrdinalIgnoreCase) ? $"status: {status}" : null;
    }

    /// <summary>The first expiry date given, with its key.</summary>
    public static ArticleExpiry? Expiry(IMetadataKeys keys) =>
        ExpiryKeys.Select(key => keys.Date(key) is { } at ? new ArticleExpiry(at, key) : null).FirstOrDefault(expiry => expiry is not null);
}

/// <summary>When an article stops being published, and the key that said so (to name it in the log).</summary>
public sealed record ArticleExpiry(DateTimeOffset At, string Key);
