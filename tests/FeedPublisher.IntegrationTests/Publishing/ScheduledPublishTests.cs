using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// Scheduled and expiring articles through the whole pipeline, on a clock the test moves: the
/// store holds them, the feeds show them from their date to their expiry, and a publish notices
/// the clock passing a date although no file changed (the publish key's LastDue).
/// </summary>
public sealed class ScheduledPublishTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly ManualClock _clock = new(Now);
    private readonly ServiceProvider _services;
    private readonly FeedPublishingService _publisher;

    public ScheduledPublishTests()
    {
        _articles = _temp.CreateFolder("articles");
        var settings = FeedPublisherSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Articles:Directory"] = _articles,
            ["Feeds:Directory"] = _temp.Combine("feeds"),
            ["Storage:ConnectionString"] = _temp.Combine("store.db"),
            ["Site:BaseUrl"] = "https://news.example.com/",
        }).Build());
        // Registered after the system clock, so the store, ingest and the publish all read this one.
        _services = new ServiceCollection().AddLogging().AddFeedPublisher(settings).AddSingleton<TimeProvider>(_clock).BuildServiceProvider();
        _publisher = _services.GetRequiredService<FeedPublishingService>();
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Publish_ArticleDatedAhead_AbsentUntilTheClockPassesItsDateThenPublished()
    {
        Write("standing.md", "A Standing Story", Now.AddDays(-1), "World");
        Write("scheduled.md", "A Story Scheduled Ahead", Now.AddHours(1), "Embargoed");

        var first = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(2, first.ArticlesInStore);
        Assert.Equal(["A Standing Story"], Titles());
        Assert.False(File.Exists(_temp.Combine("feeds", "categories", "embargoed", "atom.xml")));

        _clock.Now = Now.AddMinutes(59);
        Assert.Equal(0, (await _publisher.PublishAsync(CancellationToken.None)).Written);

        _clock.Now = Now.AddHours(1);
        var due = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, due.Ingest.Added + due.Ingest.Updated);
        Assert.Equal(["A Story Scheduled Ahead", "A Standing Story"], Titles());
        Assert.Equal(["A Story Scheduled Ahead"], Titles(Path.Combine("categories", "embargoed", "atom.xml")));
    }

    [Fact]
    public async Task Publish_ExpiryPassesWhileTheFileIsUnchanged_ArticleLeavesTheFeeds()
    {
        Write("standing.md", "A Standing Story", Now.AddDays(-1), "World");
        Write("expiring.md", "A Story That Expires", Now.AddDays(-1), "World", $"expiryDate: {Stamp(Now.AddHours(2))}");
        await _publisher.PublishAsync(CancellationToken.None);
        Assert.Equal(["A Story That Expires", "A Standing Story"], Titles());

        _clock.Now = Now.AddHours(2);
        var expired = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, expired.Ingest.Removed + expired.Ingest.Updated);
        Assert.Equal(["A Standing Story"], Titles());
        Assert.Equal(["A Standing Story"], Titles(Path.Combine("categories", "world", "atom.xml")));
    }

    private void Write(string name, string title, DateTimeOffset date, string category, string extra = "") =>
        File.WriteAllText(Path.Combine(_articles, name), $"---\ntitle: {title}\ndate: {Stamp(date)}\ncategories: [{category}]\n{extra}\n---\nAccording to Reuters, {title.ToLowerInvariant()}.\n");

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string[] Titles(string file = "atom.xml")
    {
        using var reader = XmlReader.Create(_temp.Combine("feeds", file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return [.. SyndicationFeed.Load(reader).Items.Select(i => i.Title.Text)];
    }
}
