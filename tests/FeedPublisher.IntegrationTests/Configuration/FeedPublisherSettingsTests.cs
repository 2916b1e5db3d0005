using FeedPublisher.Configuration;
using Microsoft.Extensions.Configuration;

namespace FeedPublisher.IntegrationTests.Configuration;

public sealed class FeedPublisherSettingsTests
{
    private static FeedPublisherSettings Load(params (string Key, string Value)[] values) =>
        FeedPublisherSettings.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build());

    [Fact]
    public void Load_Defaults_AreValidWhenTheArticlesFolderExists()
    {
        var settings = Load(("Articles:Directory", Path.GetTempPath()));

        Assert.Equal("http://127.0.0.1:8080/", settings.Site.BaseUrl);
        Assert.Equal(50, settings.Feeds.MaxItems);
        Assert.Equal(300, settings.Summary.MaxLength);
        Assert.Equal("0 * * * * ?", settings.Schedule.Publish);
    }

    [Fact]
    public void Load_SectionGivenAsAPlainValue_IsReportedNotIgnored()
    {
        // "Site=https://..." in an environment file instead of "Site__BaseUrl=...": an operator's
        // slip that must stop the start, not leave every Site key at its default.
        var e = Assert.Throws<SettingsException>(() => Load(("Articles:Directory", Path.GetTempPath()), ("Site", "https://news.example.com/")));

        Assert.Contains(e.Errors, m => m.StartsWith("Site:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SeveralBadKeys_ReportsEveryOneByName()
    {
        var e = Assert.Throws<SettingsException>(() => Load(
            ("Articles:Directory", Path.GetTempPath()),
            ("Site:BaseUrl", "/relative"),
            ("Feeds:MaxItems", "0"),
            ("Feeds:ArchivePageSize", "0"),
            ("Summary:MaxLength", "10")));

        Assert.Equal(3, e.Errors.Count);
        Assert.Contains(e.Errors, m => m.StartsWith("Site:BaseUrl:", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith("Feeds:MaxItems:", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith("Summary:MaxLength:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Outlets_ExtendTheDirectory()
    {
        var settings = Load(("Articles:Directory", Path.GetTempPath()), ("Outlets:Daily Planet", "https://dailyplanet.example/"));

        Assert.Equal(new Uri("https://dailyplanet.example/"), settings.Outlets["Daily Planet"]);
    }

    [Fact]
    public void Load_PostgresWithConnectionString_IsValid()
    {
        var settings = Load(("Articles:Directory", Path.GetTempPath()), ("Storage:Provider", "postgres"), ("Storage:ConnectionString", "Host=db;Database=feeds;Username=fp;Password=x"));

        Assert.True(settings.Storage.IsPostgres);
    }

    [Fact]
    public void Load_ClusteredOnSqlite_NamesBothKeys()
    {
        var e = Assert.Throws<SettingsException>(() => Load(("Articles:Directory", Path.GetTempPath()), ("Schedule:Clustered", "true")));

        var error = Assert.Single(e.Errors);
        Assert.StartsWith("Schedule:Clustered:", error, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider=Postgres", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ClusteredOnPostgres_IsValid()
    {
        var settings = Load(("Articles:Directory", Path.GetTempPath()), ("Storage:Provider", "Postgres"), ("Storage:ConnectionString", "Host=db;Database=feeds;Username=fp"), ("Schedule:Clustered", "true"));

        Assert.True(settings.Schedule.Clustered);
    }

    [Theory]
    [InlineData("state/feedpublisher.db", "looks like a SQLite file")]
    [InlineData("Host=db;Port=five;Password=hunter2", "Couldn't set port")]
    [InlineData("Database=feeds;Password=hunter2", "names no Host")]
    [InlineData("Host=db;Password=\"hunter2", "is not a PostgreSQL connection string")]
    public void Load_PostgresWithUnusableConnectionString_NamesTheKeyButNotThePassword(string connectionString, string reason)
    {
        var e = Assert.Throws<SettingsException>(() => Load(("Articles:Directory", Path.GetTempPath()), ("Storage:Provider", "Postgres"), ("Storage:ConnectionString", connectionString)));

        var error = Assert.Single(e.Errors);
        Assert.StartsWith("Storage:ConnectionString: ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("Storage__ConnectionString", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownProvider_NamesTheKnownOnes()
    {
        var e = Assert.Throws<SettingsException>(() => Load(("Articles:Directory", Path.GetTempPath()), ("Storage:Provider", "Oracle")));

        Assert.Equal("Storage:Provider: 'Oracle' is not a known provider (known: Sqlite, Postgres)", Assert.Single(e.Errors));
    }
}
