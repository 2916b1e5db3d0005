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

        var site = new SiteInfo(new Uri(settings.Site.BaseUrl), settings.Site.Title, settings.Site.Description, settings.Site.Language);
        services.AddSingleton<IArticleReader, TextArticleReader>();
        services.AddSingleton<IArticleReader, MarkdownArticleReader>();
        services.AddSingleton<IArticleReader, HtmlArticleReader>();
        services.AddSingleton<IArticleReader, JsonArticleReader>();
        var outlets = OutletDirectory.BuiltIn.With(settings.Outlets);
        services.AddSingleton(new ArticleExtractor(
            new Summarizer(settings.Summary.MaxLength),
            new SourceCollector(outlets, new SourceFinder(outlets)),
            outlets,
            site.Root));
        services.AddSingleton(new IngestSettings(settings.Articles.Directory, settings.Articles.MaxBytes));
        services.AddSingleton<ArticleIngestor>();

        services.AddSingleton(new FeedBuilder(site));
        services.AddSingleton<IFeedWriter, RssFeedWriter>();
        services.AddSingleton<IFeedWriter, AtomFeedWriter>();
        services.AddSingleton(new FeedDirectory(settings.Feeds.Directory));
        services.AddSingleton(new PublishSettings(settings.Feeds.MaxItems));
        services.AddSingleton<FeedPublishingService>();
        return services;
    }
}
