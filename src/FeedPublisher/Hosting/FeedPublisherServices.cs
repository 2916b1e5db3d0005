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
        services.AddSingleton<IArticleStore>(_ => settings.Storage.IsPostgres
            ? PostgresArticleStore.Open(settings.Storage.ConnectionString)
            : SqliteArticleStore.Open(settings.Storage.ConnectionString));

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
        services.AddSingleton(new IngestSettings(settings.Articles.Directory, settings.Articles.MaxBytes, settings.Articles.FollowLinksOutside));
        services.AddSingleton<ArticleFileReader>();
        services.AddSingleton<ChangedArticles>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<ArticleBodies>();
        services.AddSingleton<ArticleImporter>();

        var feeds = settings.Feeds;
        var hub = feeds.WebSubHub.Length > 0 ? new Uri(feeds.WebSubHub) : null;
        services.AddSingleton(site);
        services.AddSingleton(new FeedBuilder(site, hub));
        services.AddSingleton<IFeedWriter, RssFeedWriter>();
        services.AddSingleton<IFeedWriter, AtomFeedWriter>();
        services.AddSingleton<IFeedWriter, JsonFeedWriter>();
        services.AddSingleton(new FeedDirectory(feeds.Directory));
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
        services.AddSingleton<FeedPlanner>();
        services.AddSingleton<ArchivePlanner>();
        services.AddSingleton(sp => new WebSubNotifier(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, sp.GetRequiredService<ILogger<WebSubNotifier>>()));
        services.AddSingleton<FeedPublishingService>();
        return services;
    }
}
