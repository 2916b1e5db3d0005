using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Configuration;

/// <summary>
/// Every setting either shapes the feed directory, and then a publish after changing it (on the
/// same store and folder as before) writes exactly what a publish from scratch with the new value
/// writes, or it is declared output-neutral below with its reason. The settings are enumerated
/// from the option classes, so a setting added later fails <see cref="EverySetting_IsClassified"/>
/// until it is put in one of the two lists.
/// </summary>
public sealed class OutputSettingsTests : IDisposable
{
    /// <summary>Settings that do not change a byte of the feed directory, each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> OutputNeutral = new Dictionary<string, string>
    {
        ["Articles:Directory"] = "where the articles are read from; an article's id and path are relative to it",
        ["Articles:MaxBytes"] = "which files ingest accepts (checked when a file is read), not what is derived from an accepted one",
        ["Articles:FollowLinksOutside"] = "which files the walk accepts, not what is derived from an accepted one",
        ["Feeds:Directory"] = "where the files are written, not what they hold",
        ["Storage:Provider"] = "where articles wait between ingest and publish; both stores give the same rows and feeds",
        ["Storage:ConnectionString"] = "which store, not what is published from it",
        ["Schedule:Publish"] = "when run publishes, not what",
        ["Schedule:WatchArticles"] = "when run publishes, not what",
        ["Schedule:DebounceMilliseconds"] = "when run publishes, not what",
        ["Schedule:Clustered"] = "which node publishes, not what",
        ["Serve:Enabled"] = "whether run serves the folder, not what is in it",
        // Serve:Urls reaches the output only as the value of an unset Site:BaseUrl (shaping, above),
        // settled when the settings are loaded; the baseline sets Site:BaseUrl. BaseUrlTests checks
        // that changing its port alone, Site:BaseUrl unset, moves every link.
        ["Serve:Urls"] = "where the built-in server listens; the feeds' URLs come from Site:BaseUrl, which follows it only when unset",
    };

    /// <summary>Settings that shape the output, each with a value other than the baseline's (see <see cref="Baseline"/>).</summary>
    public static readonly IReadOnlyDictionary<string, (string Key, string Value)> OutputShaping = new Dictionary<string, (string, string)>
    {
        ["Site:BaseUrl"] = ("Site:BaseUrl", "https://elsewhere.example/news/"),
        ["Site:Title"] = ("Site:Title", "Another Title"),
        ["Site:Description"] = ("Site:Description", "Another description"),
        ["Site:Language"] = ("Site:Language", "fr"),
        ["Site:Image"] = ("Site:Image", "logo.png"),
        ["Site:Icon"] = ("Site:Icon", "https://cdn.example.net/icon.png"),
        ["Site:Copyright"] = ("Site:Copyright", "© Example News"),
        ["Site:PublisherName"] = ("Site:PublisherName", "News Desk"),
        ["Site:PublisherEmail"] = ("Site:PublisherEmail", "desk@news.example.com"),
        ["Site:PublisherUrl"] = ("Site:PublisherUrl", "https://news.example.com/about/"),
        ["Site:Ttl"] = ("Site:Ttl", "30"),
        ["Site:ArticleUrl"] = ("Site:ArticleUrl", "https://news.example.com/{yyyy}/{slug}/"),
        ["Feeds:MaxItems"] = ("Feeds:MaxItems", "3"),
        ["Feeds:MaxBytes"] = ("Feeds:MaxBytes", "12000"),
        ["Feeds:Gzip"] = ("Feeds:Gzip", "false"),
        ["Feeds:WebSubHub"] = ("Feeds:WebSubHub", "http://127.0.0.1:9/hub"),
        ["Feeds:ArchivePageSize"] = ("Feeds:ArchivePageSize", "3"),
        ["Feeds:Named:*:Title"] = ("Feeds:Named:picks:Title", "Other picks"),
        ["Feeds:Named:*:Description"] = ("Feeds:Named:picks:Description", "Other picks described"),
        ["Feeds:Named:*:Categories"] = ("Feeds:Named:picks:Categories:0", "business"),
        ["Feeds:Named:*:Authors"] = ("Feeds:Named:picks:Authors:0", "Lena Fischer"),
        ["Feeds:Named:*:MaxItems"] = ("Feeds:Named:picks:MaxItems", "1"),
        ["Feeds:Named:*:FullContent"] = ("Feeds:Named:picks:FullContent", "false"),
        ["Summary:MaxLength"] = ("Summary:MaxLength", "60"),
        ["Outlets:*"] = ("Outlets:Daily Planet", "https://dailyplanet.example/"),
    };

    private readonly TempFolder _temp = new();
    private readonly SettingsPublisher _publisher;

    public OutputSettingsTests() => _publisher = new SettingsPublisher(_temp);

    public static TheoryData<string> OutputShapingKeys() => [.. OutputShaping.Keys.Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private Task<(PublishReport Report, SortedDictionary<string, string> Files)> PublishAsync(string store, string feeds, params (string Key, string Value)[] changes) =>
        _publisher.PublishAsync(feeds, [("Storage:ConnectionString", _temp.Combine(store))], changes);

    private List<string> Summaries() => _publisher.Summaries("feeds");

    private string PlanetSources() => _publisher.PlanetBody("feeds");

    [Fact]
    public void EverySetting_IsClassified()
    {
        var settings = EnumerateSettings();

        Assert.Contains("Summary:MaxLength", settings);
        Assert.Contains("Feeds:Named:*:Categories", settings);
        var unclassified = settings.Where(key => !OutputNeutral.ContainsKey(key) && !OutputShaping.ContainsKey(key)).ToList();
        Assert.True(unclassified.Count == 0,
            $"settings neither proven to shape the output (OutputShaping) nor declared output-neutral (OutputNeutral): {string.Join(", ", unclassified)}");
        Assert.Empty(OutputNeutral.Keys.Intersect(OutputShaping.Keys));
        Assert.Empty(OutputNeutral.Keys.Concat(OutputShaping.Keys).Except(settings));
    }

    [Theory]
    [MemberData(nameof(OutputShapingKeys))]
    public async Task ChangedSetting_NextPublishWritesWhatAFreshPublishWrites(string setting)
    {
        var change = OutputShaping[setting];
        var before = await PublishAsync("store.db", "feeds");
        var after = await PublishAsync("store.db", "feeds", change);
        var fresh = await PublishAsync("fresh.db", "fresh-feeds", change);

        Assert.True(after.Report.Written > 0, $"{setting}: the publish after the change wrote nothing");
        Assert.NotEqual(before.Files, after.Files);
        Assert.Equal(fresh.Files, after.Files);

        var again = await PublishAsync("store.db", "feeds", change);
        Assert.Equal(0, again.Report.Written);
        Assert.Equal(after.Files, again.Files);
    }

    [Fact]
    public async Task SummaryMaxLength_ChangedOnAStoredArticle_ShortensEverySummary()
    {
        await PublishAsync("store.db", "feeds");
        Assert.Contains(Summaries(), s => s.Length > 60);

        var changed = await PublishAsync("store.db", "feeds", ("Summary:MaxLength", "60"));
        var again = await PublishAsync("store.db", "feeds", ("Summary:MaxLength", "60"));

        Assert.True(changed.Report.Written > 0);
        Assert.All(Summaries(), s => Assert.InRange(s.Length, 1, 60));
        Assert.Equal(0, again.Report.Written);
    }

    [Fact]
    public async Task Outlets_AddedForAStoredArticle_BecomesItsSource()
    {
        await PublishAsync("store.db", "feeds");
        Assert.DoesNotContain("https://dailyplanet.example/", PlanetSources());

        await PublishAsync("store.db", "feeds", ("Outlets:Daily Planet", "https://dailyplanet.example/"));

        Assert.Contains("https://dailyplanet.example/", PlanetSources());
    }

    /// <summary>Every configuration key of the option classes, a dictionary's entries as '*'.</summary>
    private static SortedSet<string> EnumerateSettings()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var record = typeof(FeedPublisherSettings);
        foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.DeclaringType == record))
        {
            var section = property.PropertyType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
            if (section is not null)
            {
                AddKeys(keys, section, property.PropertyType);
            }
            else if (property.Name == nameof(FeedPublisherSettings.Outlets))
            {
                keys.Add($"{FeedPublisherSettings.OutletsSection}:*");
            }
            else
            {
                Assert.Fail($"FeedPublisherSettings.{property.Name}: neither an option class with a Section nor the outlets; classify it in this test");
            }
        }

        // Every option class is part of the settings.
        var options = typeof(FeedPublisherSettings).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FeedPublisherSettings).Namespace && t.Name.EndsWith("Options", StringComparison.Ordinal));
        var reached = new HashSet<Type>(record.GetProperties().Select(p => p.PropertyType)) { typeof(NamedFeedOptions) };
        Assert.Empty(options.Where(t => !reached.Contains(t)).Select(t => t.Name));
        return keys;
    }

    private static void AddKeys(SortedSet<string> keys, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>)
                && propertyType.GetGenericArguments()[1] is { IsClass: true } value && value != typeof(string) && value != typeof(Uri))
            {
                AddKeys(keys, $"{key}:*", value);
            }
            else
            {
                keys.Add(key);
            }
        }
    }
}

/// <summary>
/// Publishes the sample articles and two of its own, in process with the pipeline the CLI builds,
/// from a baseline configuration with changes; returns what a reader can fetch.
/// </summary>
public sealed class SettingsPublisher
{
    /// <summary>An article that cites an outlet only configuration knows, with a long lead and a link within the site.</summary>
    private const string PlanetArticle = """
        ---
        title: A Comet Passes
        date: 2024-05-02T09:00:00Z
        categories: [science]
        ---
        According to the Daily Planet, a comet will pass close to the Earth next week, and astronomers around the world are readying their telescopes for a rare look at the visitor from the outer solar system.

        The comet was first seen in March; [the observatory's notes](../notes/comet.html) have its path.
        """;

    /// <summary>An article whose file gives a long summary and an address relative to the site: both are derived at ingest.</summary>
    private const string GivenArticle = """
        ---
        title: Harbour Reopens
        date: 2024-05-01T09:00:00Z
        url: /stories/harbour
        summary: The harbour reopened on Monday after three weeks of repairs to its sea wall, which a winter storm had breached in two places.
        ---
        The harbour reopened on Monday.
        """;

    private readonly TempFolder _temp;
    private readonly string _articles;

    public SettingsPublisher(TempFolder temp)
    {
        _temp = temp;
        _articles = _temp.CreateFolder("articles");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleArticles, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_articles, Path.GetRelativePath(RepositoryPaths.SampleArticles, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(_articles, "planet.md"), PlanetArticle);
        File.WriteAllText(Path.Combine(_articles, "given.md"), GivenArticle);
    }

    /// <summary>The baseline: a named feed and archive pages, so that the settings have all there is to change.</summary>
    private Dictionary<string, string?> Baseline(string feeds) => new()
    {
        ["Articles:Directory"] = _articles,
        ["Feeds:Directory"] = _temp.Combine(feeds),
        ["Site:BaseUrl"] = "https://news.example.com/",
        ["Feeds:Named:picks:Categories:0"] = "science",
        ["Feeds:ArchivePageSize"] = "2",
    };

    /// <param name="store">The store's settings.</param>
    public async Task<(PublishReport Report, SortedDictionary<string, string> Files)> PublishAsync(string feeds, (string Key, string Value)[] store, params (string Key, string Value)[] changes)
    {
        var values = Baseline(feeds);
        foreach (var (key, value) in store.Concat(changes))
        {
            values[key] = value;
        }

        await using var services = new ServiceCollection().AddLogging()
            .AddFeedPublisher(FeedPublisherSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build()))
            .BuildServiceProvider();
        var report = await services.GetRequiredService<FeedPublishingService>().PublishAsync(CancellationToken.None);
        return (report, Snapshot(_temp.Combine(feeds)));
    }

    /// <summary>Every file a reader can fetch, by path, as a hash of its bytes; the publisher's own dotfiles left out.</summary>
    private static SortedDictionary<string, string> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (!relative.Split('/').Any(part => part.StartsWith('.')))
            {
                files[relative] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        return files;
    }

    /// <summary>The summaries of the main JSON feed in <paramref name="feeds"/>.</summary>
    public List<string> Summaries(string feeds)
    {
        using var feed = JsonDocument.Parse(File.ReadAllBytes(_temp.Combine(feeds, "feed.json")));
        return [.. feed.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("summary").GetString()!)];
    }

    /// <summary>The body, with its list of sources, of the article that cites the Daily Planet.</summary>
    public string PlanetBody(string feeds)
    {
        using var feed = JsonDocument.Parse(File.ReadAllBytes(_temp.Combine(feeds, "feed.json")));
        var planet = feed.RootElement.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("title").GetString() == "A Comet Passes");
        return planet.GetProperty("content_html").GetString()!;
    }
}

/// <summary>The regressions of <see cref="OutputSettingsTests"/> on the PostgreSQL store, on a real server.</summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresOutputSettingsTests(PostgresServer server) : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task ExtractionSettings_ChangedOnStoredArticles_AreAppliedAsByAFreshPublish()
    {
        _database = await server.CreateDatabaseAsync();
        using var temp = new TempFolder();
        var publisher = new SettingsPublisher(temp);
        (string, string)[] store = [("Storage:Provider", "Postgres"), ("Storage:ConnectionString", _database.ConnectionString)];
        (string, string)[] changes = [("Summary:MaxLength", "60"), ("Outlets:Daily Planet", "https://dailyplanet.example/"), ("Site:BaseUrl", "https://elsewhere.example/")];
        var before = await publisher.PublishAsync("feeds", store);

        var after = await publisher.PublishAsync("feeds", store, changes);
        var again = await publisher.PublishAsync("feeds", store, changes);
        var fresh = await publisher.PublishAsync("fresh-feeds", [("Storage:ConnectionString", temp.Combine("fresh.db"))], changes);

        Assert.NotEqual(before.Files, after.Files);
        Assert.Equal(fresh.Files, after.Files);
        Assert.All(publisher.Summaries("feeds"), s => Assert.InRange(s.Length, 1, 60));
        Assert.Contains("https://dailyplanet.example/", publisher.PlanetBody("feeds"));
        Assert.Equal(0, again.Report.Written);
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM articles WHERE derived_with IS NULL"));
    }
}
