using FeedPublisher.Configuration;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;
using FeedPublisher.Core.Writing;
using FeedPublisher.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.Hosting;

/// <summary>The one composition root: every command gets the same publishing pipeline from here.</summary>
public static class FeedPublisherServices
{
    public static IServiceCollection AddFeedPublisher(this IServiceCollection services, FeedPublisherSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IArticleStore>(_ => SqliteArticleStore.Open(settings.Storage.ConnectionString));

        services.AddSingleton<IArticleReader, TextArticleReader>();
        services.AddSingleton(new SourceFinder(OutletDirectory.BuiltIn.With(settings.Outlets)));
        services.AddSingleton(new Summarizer(settings.Summary.MaxLength));
        services.AddSingleton<ArticleExtractor>();
        services.AddSingleton(new IngestSettings(settings.Articles.Directory, settings.Articles.MaxBytes));
        services.AddSingleton<ArticleIngestor>();

        var site = settings.Site;
        services.AddSingleton(new FeedBuilder(new SiteInfo(new Uri(site.BaseUrl), site.Title, site.Description, site.Language)));
        services.AddSingleton<IFeedWriter, RssFeedWriter>();
        services.AddSingleton<IFeedWriter, AtomFeedWriter>();
        services.AddSingleton(new FeedDirectory(settings.Feeds.Directory));
        services.AddSingleton(new PublishSettings(settings.Feeds.MaxItems));
        services.AddSingleton<FeedPublishingService>();
        return services;
    }
}
