using FeedPublisher.Configuration;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>The pipeline the CLI builds (settings, store, publisher), in this process, on real files and a real SQLite store.</summary>
public static class InProcessPublisher
{
    public const string BaseUrl = "https://news.example.com/";

    public static (ServiceProvider Services, FeedPublishingService Publisher) Create(string articles, string feeds, string store)
    {
        var services = new ServiceCollection().AddLogging()
            .AddFeedPublisher(FeedPublisherSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Articles:Directory"] = articles,
                ["Feeds:Directory"] = feeds,
                ["Storage:ConnectionString"] = store,
                ["Site:BaseUrl"] = BaseUrl,
            }).Build()))
            .BuildServiceProvider();
        return (services, services.GetRequiredService<FeedPublishingService>());
    }
}
