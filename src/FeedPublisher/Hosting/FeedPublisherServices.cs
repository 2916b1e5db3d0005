using FeedPublisher.Configuration;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;
using FeedPublisher.Core.Writing;
using FeedPublisher.Storage.Postgres;
using FeedPublisher.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Hosting;

/// <summary>The one composition root: every command gets the same publishing pipeline from here.</summary>
public static class FeedPublisherServices
{
    public static IServiceCollection AddFeedPublisher(this IServiceCollection services, FeedPublisherSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublishStatus>();
        var site = new SiteInfo(new Uri(settings.Site.BaseUrl), settings.Site.Title, settings.Site.Description, settings.Site.Language)
        {
            Channel = SiteChannel.Resolve(settings.Site),
            ArticleUrl = settings.Site.ArticleUrl.Length > 0 ? settings.Site.ArticleUrl : null,
        };
        // Everything that shapes what is derived from an article file and stored: the extractor is
        // made from this record alone, and the store hands back articles derived with other settings
        // as pending, so they are derived again.
        var extraction = ExtractionSettings.Create(site.Root, settings.Summary.MaxLength, settings.Outlets);
        var extractor = ArticleExtractor.Create(extraction);
        // The store's feed queries show the articles due by the service's clock (scheduled ones
        // appear, expiring ones leave at their time): the clock a test replaces replaces both.
        services.AddSingleton<IArticleStore>(provider => settings.Storage.IsPostgres
            ? PostgresArticleStore.Open(settings.Storage.ConnectionString, extractor.Derivation, provider.GetRequiredService<TimeProvider>())
            : SqliteArticleStore.Open(settings.Storage.ConnectionString, extractor.Derivation, provider.GetRequiredService<TimeProvider>()));

        services.AddSingleton<IArticleReader, TextArticleReader>();
        services.AddSingleton<IArticleReader, MarkdownArticleReader>();
        services.AddSingleton<IArticleReader, HtmlArticleReader>();
        services.AddSingleton<IArticleReader, JsonArticleReader>();
        services.AddSingleton(extractor);
        services.AddSingleton(new IngestSettings(settings.Articles.Directory, settings.Articles.MaxBytes, settings.Articles.FollowLinksOutside));
        services.AddSingleton<ArticleFileReader>();
        services.AddSingleton<ChangedArticles>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<ArticleImporter>();

        var feeds = settings.Feeds;
        var hub = feeds.WebSubHub.Length > 0 ? new Uri(feeds.WebSubHub) : null;
        services.AddSingleton(site);
        services.AddSingleton(new FeedBuilder(site, hub));
        // The registry's writers, in its order: each feed is published in every one of them.
        foreach (var format in FeedFormats.All)
        {
            services.AddSingleton(format.Writer);
        }

        services.AddSingleton(new FeedDirectory(feeds.Directory));
        services.AddSingleton<PublishState>();
        services.AddSingleton<FeedDirectoryRecovery>();
        services.AddSingleton(new PublishSettings(feeds.MaxItems, feeds.MaxBytes)
        {
            Gzip = feeds.Gzip,
            ArchivePageSize = (feeds.ArchivePageSize ?? feeds.MaxItems) is > 0 and var size ? size : null,
            WebSubHub = hub,
            NamedFeeds = feeds.Named.Select(n => new NamedFeed(
                n.Key, n.Value.Title.Length > 0 ? n.Value.Title : $"{site.Title}: {n.Key}", n.Value.Description.Length > 0 ? n.Value.Description : site.Description,
                n.Value.Categories, n.Value.Authors, n.Value.MaxItems, n.Value.FullContent)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList(),
        });
        // Hashed whole at the first publish: the publish key and the fingerprints of kept files.
        services.AddSingleton(sp => new PublishShape(new OutputSettings(
            extraction, site, sp.GetRequiredService<PublishSettings>(),
            typeof(FeedPublishingService).Assembly.GetName().Version?.ToString() ?? "", FeedRenderer.Revision)));
        services.AddSingleton<FeedPlanner>();
        services.AddSingleton<ArchivePlanner>();
        services.AddSingleton<ArticlePages>();
        services.AddSingleton(sp => new WebSubNotifier(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, sp.GetRequiredService<ILogger<WebSubNotifier>>()));
        services.AddSingleton<FeedPublishingService>();
        return services;
    }
}
