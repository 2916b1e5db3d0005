using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Storing;

/// <summary>
/// Where ingested articles live between ingest and publish. Publishing asks only for what a feed
/// shows; nothing reads the whole store into memory.
/// </summary>
/// <remarks>
/// The store holds scheduled articles (published in the future) and those whose expiry passed,
/// but the queries of the feeds, their terms and the archive answer as of the store's clock (its
/// <see cref="TimeProvider"/>): only articles due by now and not yet expired. The queries for
/// ingest (stamps, known files) see every stored article.
/// </remarks>
public interface IArticleStore
{
    /// <summary>
    /// Every known file's length and mtime by relative path, and whether its article is stale: all
    /// a walk of the folder needs to find the files that changed, in the smallest rows the store has.
    /// </summary>
    Task<IReadOnlyDictionary<string, FileStamp>> GetFileStampsAsync(CancellationToken cancellationToken);

    /// <summary>Every known file by relative path, used to skip unchanged files and settle identities.</summary>
    Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The known files at these paths and the items stored below each ("path//…", the articles of
    /// a JSON Feed document in the articles folder), and those holding these article
    /// ids, by stored path. The items are a range of the path index ('/' + '/' up to '/' + '0').
    /// </summary>
    Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(IReadOnlyCollection<string> paths, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task ApplyAsync(StoreChanges changes, CancellationToken cancellationToken);

    /// <summary>
    /// For many changes in a row, when most articles are new (a first ingest): see
    /// <see cref="IStoreBatch"/>. A store without a faster way applies each change as it comes.
    /// </summary>
    Task<IStoreBatch> BeginBatchAsync(CancellationToken cancellationToken) => Task.FromResult<IStoreBatch>(new ChangeByChangeBatch(this));

    /// <summary>
    /// The newest articles that a feed shows, ordered by publication date descending, then id.
    /// </summary>
    Task<IReadOnlyList<Article>> GetLatestAsync(ArticleQuery query, int count, CancellationToken cancellationToken);

    /// <summary>
    /// What <see cref="GetLatestAsync"/> would return, in a few bytes per article: each article's
    /// version (id, content hash and updated date), in feed order. Cheap enough to ask for every feed on
    /// every publish, and enough to tell whether the feed's files can stay as they are.
    /// </summary>
    Task<IReadOnlyList<ArticleVersion>> GetLatestVersionsAsync(ArticleQuery query, int count, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="GetLatestVersionsAsync(ArticleQuery, int, CancellationToken)"/> for every feed of a
    /// publish at once, so that a store can answer them all on one connection.
    /// </summary>
    async Task<IReadOnlyList<IReadOnlyList<ArticleVersion>>> GetLatestVersionsAsync(IReadOnlyList<(ArticleQuery Query, int Count)> feeds, CancellationToken cancellationToken)
    {
        var versions = new List<IReadOnlyList<ArticleVersion>>(feeds.Count);
        foreach (var (query, count) in feeds)
        {
            versions.Add(await GetLatestVersionsAsync(query, count, cancellationToken));
        }

        return versions;
    }

    /// <summary>The categories or authors that have articles due and not expired, by slug.</summary>
    Task<IReadOnlyList<FeedTerm>> GetTermsAsync(TermKind kind, CancellationToken cancellationToken);

    /// <summary>Every stored article, scheduled and expired ones too (the publish report's count).</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Where now stands among the stored publication and expiry instants: see <see cref="PublicationSchedule"/>.</summary>
    Task<PublicationSchedule> GetScheduleAsync(CancellationToken cancellationToken);

    /// <summary>A number that changes whenever the stored articles change (every <see cref="ApplyAsync"/> that changes something).</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The archive pages of the main feed: articles in the order they entered the store, cut into
    /// pages of <paramref name="pageSize"/>; each page with a fingerprint that changes when any of
    /// its articles is added, edited or removed. One pass over an index, no article bodies.
    /// </summary>
    Task<IReadOnlyList<ArchivePage>> GetArchivePagesAsync(int pageSize, CancellationToken cancellationToken);

    /// <summary>The articles of one archive page, newest first.</summary>
    Task<IReadOnlyList<Article>> GetArchivePageAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// The articles that get a page of their own (due, and without a URL of their own), in the
    /// order they entered the store: at most <paramref name="count"/> after the one numbered
    /// <paramref name="afterSeq"/>, so that all of them are read a chunk at a time, never at once.
    /// </summary>
    Task<IReadOnlyList<PageVersion>> GetPageVersionsAsync(long afterSeq, int count, CancellationToken cancellationToken);

    /// <summary>
    /// What changed for the article pages since the store was at <paramref name="sinceVersion"/>
    /// (<see cref="GetVersionAsync"/>), from a log of the writes: a few rows per change, however
    /// many articles the store holds. Null when the store keeps no such log; the caller reads every
    /// page version then.
    /// </summary>
    Task<PageChanges?> GetPageChangesAsync(long sinceVersion, CancellationToken cancellationToken) => Task.FromResult<PageChanges?>(null);

    /// <summary>The stored articles with these ids (those that are stored), in no particular order.</summary>
    Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
