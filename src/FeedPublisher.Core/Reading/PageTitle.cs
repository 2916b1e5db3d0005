namespace FeedPublisher.Core.Reading;

/// <summary>Page titles carry the site's name ("Story | Daily News"); the article's title is the part before it.</summary>
public static class PageTitle
{
    private static readonly string[] Separators = [" | ", " – ", " — ", " - ", " :: ", " · ", " » "];

    /// <summary>A suffix this short after a separator that headlines do not use is a site name even when we do not know the site's name.</summary>
    private const int MaxWordsOfUnknownSiteName = 4;

    public static string WithoutSiteSuffix(string title, string? siteName)
    {
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var head = title[..at].Trim();
            var suffix = title[(at + separator.Length)..].Trim();
            if (IsSiteName(suffix, siteName, separator) && head.Length > suffix.Length)
            {
                return WithoutSiteSuffix(head, siteName);
            }
        }

        return title;
    }

    /// <summary>
    /// A known site name always counts. An unknown one only after a separator that headlines do
    /// not use ("|", "::", "·", "»"): dashes appear in headlines ("Prices – Rising").
    /// </summary>
    private static bool IsSiteName(string suffix, string? siteName, string separator) =>
        string.Equals(suffix, siteName, StringComparison.OrdinalIgnoreCase)
        || (separator is " | " or " :: " or " · " or " » " && suffix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxWordsOfUnknownSiteName);
}
