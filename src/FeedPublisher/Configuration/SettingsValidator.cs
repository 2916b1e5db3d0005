using FeedPublisher.Storage.Postgres;
using Quartz;

namespace FeedPublisher.Configuration;

/// <summary>The checks that bound settings must pass before anything runs, each naming its key.</summary>
internal static class SettingsValidator
{
    public static IEnumerable<string> Validate(FeedPublisherSettings s)
    {
        // Empty only when it was not set and Serve:Urls, which it would follow, is reported below.
        if (s.Site.BaseUrl.Length > 0 && !IsHttpUrl(s.Site.BaseUrl))
        {
            yield return $"Site:BaseUrl: '{s.Site.BaseUrl}' is not an absolute http(s) URL (for example https://news.example.com/)";
        }

        if (string.IsNullOrWhiteSpace(s.Site.Title))
        {
            yield return "Site:Title: must not be empty";
        }

        if (!IsLanguageTag(s.Site.Language))
        {
            yield return $"Site:Language: '{s.Site.Language}' is not a language tag (for example en or en-GB)";
        }

        if (s.Site.ArticleUrl.Length > 0 && Core.Building.ArticleUrlTemplate.Problem(s.Site.ArticleUrl) is { } templateProblem)
        {
            yield return $"Site:ArticleUrl: '{s.Site.ArticleUrl}': {templateProblem} (for example https://news.example.com/{{yyyy}}/{{slug}}/)";
        }

        foreach (var problem in SiteChannel.Problems(s.Site))
        {
            yield return problem;
        }

        if (!Directory.Exists(s.Articles.Directory))
        {
            yield return $"Articles:Directory: the folder '{Path.GetFullPath(s.Articles.Directory)}' does not exist";
        }
        else if (FolderAccess.CannotRead(s.Articles.Directory) is { } readProblem)
        {
            yield return $"Articles:Directory: the folder '{Path.GetFullPath(s.Articles.Directory)}' cannot be read: {readProblem}";
        }

        if (s.Articles.MaxBytes <= 0)
        {
            yield return $"Articles:MaxBytes: must be positive, not {s.Articles.MaxBytes}";
        }

        if (string.IsNullOrWhiteSpace(s.Feeds.Directory))
        {
            yield return "Feeds:Directory: must not be empty";
        }
        else if (FolderAccess.CannotWrite(s.Feeds.Directory) is { } writeProblem)
        {
            yield return $"Feeds:Directory: the folder '{Path.GetFullPath(s.Feeds.Directory)}' cannot be written: {writeProblem}";
        }

        if (s.Feeds.MaxItems is < 1 or > 10_000)
        {
            yield return $"Feeds:MaxItems: must be between 1 and 10000, not {s.Feeds.MaxItems}";
        }

        if (s.Feeds.ArchivePageSize is < 0 || s.Feeds.ArchivePageSize > s.Feeds.MaxItems)
        {
            yield return $"Feeds:ArchivePageSize: must be between 0 (no archive) and Feeds:MaxItems ({s.Feeds.MaxItems}), so that the main feed and the archive together hold every article; not {s.Feeds.ArchivePageSize}";
        }

        if (s.Feeds.MaxBytes < 10_000)
        {
            yield return $"Feeds:MaxBytes: must be at least 10000, not {s.Feeds.MaxBytes}";
        }

        if (s.Feeds.WebSubHub.Length > 0 && !IsHttpUrl(s.Feeds.WebSubHub))
        {
            yield return $"Feeds:WebSubHub: '{s.Feeds.WebSubHub}' is not an absolute http(s) URL";
        }

        foreach (var (name, feed) in s.Feeds.Named)
        {
            if (!Core.Building.Slug.IsValid(name) || name is Core.Publishing.FeedPlanner.CategoriesFolder or Core.Publishing.FeedPlanner.AuthorsFolder or "archive"
                || name.All(char.IsAsciiDigit))
            {
                // All digits would meet the article pages' year folders (2026/08/...).
                yield return $"Feeds:Named:{name}: the name is the feed's folder: lower-case letters, digits and hyphens, not only digits, not 'categories', 'authors' or 'archive'";
            }

            if (feed.MaxItems is < 1 or > 10_000)
            {
                yield return $"Feeds:Named:{name}:MaxItems: must be between 1 and 10000, not {feed.MaxItems}";
            }
        }

        if (!s.Storage.IsSqlite && !s.Storage.IsPostgres)
        {
            yield return $"Storage:Provider: '{s.Storage.Provider}' is not a known provider (known: {StorageOptions.Sqlite}, {StorageOptions.Postgres})";
        }

        if (string.IsNullOrWhiteSpace(s.Storage.ConnectionString))
        {
            yield return "Storage:ConnectionString: must not be empty";
        }
        else if (s.Storage.IsPostgres && PostgresConnectionString.Problem(s.Storage.ConnectionString) is { } connectionProblem)
        {
            yield return $"Storage:ConnectionString: {connectionProblem} (set it in appsettings.json, with --Storage:ConnectionString=... or in the environment as Storage__ConnectionString)";
        }

        if (s.Schedule.Clustered && !s.Storage.IsPostgres)
        {
            yield return $"Schedule:Clustered: the nodes of a cluster keep their shared schedule in the PostgreSQL store's database, so it needs Storage:Provider={StorageOptions.Postgres}, not '{s.Storage.Provider}'";
        }

        if (!CronExpression.TryParse(s.Schedule.Publish, out _))
        {
            yield return $"Schedule:Publish: '{s.Schedule.Publish}' is not a Quartz cron expression (seconds first, e.g. '0 * * * * ?' for every minute)";
        }

        if (s.Schedule.DebounceMilliseconds is < 50 or > 10_000)
        {
            yield return $"Schedule:DebounceMilliseconds: must be between 50 and 10000, not {s.Schedule.DebounceMilliseconds}";
        }

        foreach (var url in s.Serve.Urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsHttpUrl(url))
            {
                yield return $"Serve:Urls: '{url}' is not an http(s) URL to listen on (for example http://127.0.0.1:8080)";
            }
        }

        if (s.Summary.MaxLength is < 50 or > 5_000)
        {
            yield return $"Summary:MaxLength: must be between 50 and 5000, not {s.Summary.MaxLength}";
        }
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsLanguageTag(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 35)
        {
            return false;
        }

        var parts = value.Split('-');
        return parts[0].Length is >= 2 and <= 3 && parts[0].All(char.IsAsciiLetter)
            && parts.All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}
