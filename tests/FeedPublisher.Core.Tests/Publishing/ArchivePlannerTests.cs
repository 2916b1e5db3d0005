using FeedPublisher.Core.Building;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Tests.Publishing;

public sealed class ArchivePlannerTests : IDisposable
{
    private const int PageSize = 50;

    private readonly string _root = Directory.CreateTempSubdirectory("fp-archive-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task StageAsync_LargeArchive_LoadsAtMostOneBatchOfPagesAhead()
    {
        // 45 complete pages of 50: batches of 10 pages (500 articles), 10, 10, 10 and 5.
        var store = new PagedStore(_root, pages: 45);
        var site = new SiteInfo(new Uri("https://news.example.com/"), "Site", "Description", "en");
        var builder = new FeedBuilder(site);
        var directory = new FeedDirectory(_root);
        var settings = new PublishSettings(PageSize) { ArchivePageSize = PageSize };
        var shape = new PublishShape(new OutputSettings(ExtractionSettings.Create(site.BaseUrl, 300, new Dictionary<string, Uri>()), site, settings, "test", "test"));
        var planner = new ArchivePlanner(store, builder, directory, new PublishState(directory), settings, shape);
        var main = builder.BuildMain([]);
        var links = new ArticleLinks(site);
        var plan = await planner.PlanAsync(main, links, CancellationToken.None);

        IReadOnlyList<PublishedFile> results = [];
        await directory.PublishAsync(async staging => results = await planner.StageAsync(plan, main, links, staging, new BudgetNotes(), CancellationToken.None));

        // Per page asked for, the files already staged (2 formats and their .gz siblings per page):
        // a batch is loaded while the one before it renders, so at least every batch before that one is staged.
        Assert.Equal(45, store.StagedWhenAsked.Count);
        for (var page = 0; page < 45; page++)
        {
            var batch = page / 10;
            Assert.InRange(store.StagedWhenAsked[page], Math.Max(0, batch - 1) * 40, batch * 40);
        }

        Assert.Equal(45 * 2 + 1, results.Count);
        Assert.All(results, r => Assert.Equal(FileOutcome.Written, r.Outcome));
        Assert.True(File.Exists(Path.Combine(_root, "archive", "45", "atom.xml.gz")));
        Assert.Contains("Story 2249", File.ReadAllText(Path.Combine(_root, "archive", "45", "rss.xml")), StringComparison.Ordinal);
    }

    /// <summary>A store of complete archive pages that notes, whenever a page is loaded, how many files are staged.</summary>
    private sealed class PagedStore(string root, int pages) : IArticleStore
    {
        public List<int> StagedWhenAsked { get; } = [];

        public Task<IReadOnlyList<ArchivePage>> GetArchivePagesAsync(int pageSize, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ArchivePage>>([.. Enumerable.Range(1, pages).Select(n => new ArchivePage(n, pageSize, $"p{n}", Complete: true))]);

        public Task<IReadOnlyList<Article>> GetArchivePageAsync(int page, int pageSize, CancellationToken cancellationToken)
        {
            var staging = Path.Combine(root, PublishState.StagingFolder);
            StagedWhenAsked.Add(Directory.Exists(staging) ? Directory.EnumerateFiles(staging, PublishState.TemporaryPrefix + "*").Count() : 0);
            return Task.FromResult<IReadOnlyList<Article>>([.. Enumerable.Range((page - 1) * pageSize, pageSize).Select(Story)]);
        }

        private static Article Story(int i) => new()
        {
            Id = $"story-{i}",
            Title = $"Story {i}",
            Path = $"stories/{i}.html",
            Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
            Updated = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
            Summary = $"Summary {i}.",
            ContentHtml = $"<p>Body {i}.</p>",
        };

        public Task<IReadOnlyDictionary<string, FileStamp>> GetFileStampsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<PageVersion>> GetPageVersionsAsync(long afterSeq, int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(IReadOnlyCollection<string> paths, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ApplyAsync(StoreChanges changes, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PublicationSchedule> GetScheduleAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Article>> GetLatestAsync(ArticleQuery query, int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ArticleVersion>> GetLatestVersionsAsync(ArticleQuery query, int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<FeedTerm>> GetTermsAsync(TermKind kind, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
