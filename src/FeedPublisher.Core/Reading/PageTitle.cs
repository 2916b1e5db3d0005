namespace FeedPublisher.Core.Reading;

/// <summary>Page titles carry the site's name ("Story | Daily News"); the article's title is the part before it.</summary>
public static class PageTitle
{
    private static readonly string[] Separators = [" | ", " – ", " — ", " - ", " :: ", " · ", " » "];

    /// <summary>A suffix this short after a strong separator (not a hyphen) is a site name even when we do not know the site's name.</summary>
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

    /// <summary>A known site name always counts; an unknown one only after a separator that is never part of a headline.</summary>
    private static bool IsSiteName(string suffix, string? siteName, string separator) =>
        siteName is not null
            ? string.Equals(suffix, siteName, StringComparison.OrdinalIgnoreCase)
            : separator != " - " && suffix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxWordsOfUnknownSiteName;
}
