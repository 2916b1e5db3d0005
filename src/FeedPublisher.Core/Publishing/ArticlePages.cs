using System.Security.Cryptography;
using System.Text;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// The page of every article without a URL of its own (<see cref="ArticlePageWriter"/>), at its
/// path (<see cref="ArticlePagePath"/>), written, updated and removed with its article in the same
/// publish as the feeds, and first of all: the feeds link to the pages, so the pages' paths must
/// be settled before a feed is built, and they are moved into place before the feeds.
/// </summary>
/// <remarks>
/// <para>Incremental: the record <c>.fp-pages</c> (<see cref="PublishState.PageRecordFile"/>) keeps,
/// per article, its page's path and a fingerprint of what made the page (the article's version,
/// the path, the output settings, the page's markup revision). A publish reads the store's page
/// versions a chunk at a time in the order articles entered it, renders only the pages whose
/// fingerprint changed, and removes those of articles that left (deleted, expired, given a URL of
/// their own). A publish with one changed article renders one page. A running service keeps the
/// <see cref="PagePlan"/> of its last publish and, while it holds (<see cref="PagePlan.Fits"/>),
/// reads only what the store's change log says changed since (<see cref="IArticleStore.GetPageChangesAsync"/>):
/// a few rows instead of every page version and the whole record.</para>
/// <para>Paths are stable: two articles whose paths would meet (the same file name in one month)
/// are told apart by "-2", "-3"..., given in the order the articles entered the store, and an
/// article keeps the path the record gave it while its own path does not change, so that a
/// newcomer never takes a path a reader already has from another article that still stands; one
/// whose path is held in the record by an article not read yet waits for the end of the scan, and
/// takes the path if that article is gone (a file moved to another folder keeps its link). Only
/// the assigned paths are held for the feeds (<see cref="ArticleLinks.Assigned"/>); everything
/// else a chunk holds is let go.</para>
/// <para>Pages are not in the directory's manifest, which every publish reads whole: they are
/// staged in the staging folder's tree (<see cref="FeedStaging.StageUnlisted"/>), and the record
/// is their list.</para>
/// </remarks>
public sealed class ArticlePages(IArticleStore store, FeedDirectory directory, PublishState state, SiteInfo site, PublishSettings settings, PublishShape shape, TimeProvider time)
{
    /// <summary>Page versions read per query: a few hundred KB.</summary>
    private const int VersionsPerRead = 2_000;

    /// <summary>Articles loaded, rendered and staged together: enough to keep every core busy, a few MB at most (two batches are held).</summary>
    private const int ArticlesPerBatch = 128;

    /// <summary>The pages as the last publish of this process put them in place; null before one, and after one that failed.</summary>
    private PagePlan? _plan;

    /// <summary>The pages of the publish under way, which become <see cref="_plan"/> once it is in place (<see cref="Published"/>).</summary>
    private PagePlan? _staged;

    /// <param name="key">The publish's key: the store version the plan is of, and the settings it holds for.</param>
    /// <returns>The links of this publish (the pages' paths), and what was done.</returns>
    public async Task<ArticlePagesReport> StageAsync(FeedStaging staging, PublishKey key, CancellationToken cancellationToken)
    {
        // Taken, not shared: a publish that fails leaves no plan, and the next one reads everything.
        var last = _plan;
        (_plan, _staged) = (null, null);
        var links = new ArticleLinks(site);
        if (!links.WritesPages)
        {
            // The site hosts its own pages now: ours go, with their record.
            return new ArticlePagesReport(links, 0, 0, RemovePagesNotIn([], state.ReadPageRecord(), staging));
        }

        // Read before the pages: an instant that passes after this is seen by the next publish.
        var nextDue = (await store.GetScheduleAsync(cancellationToken)).NextDue;
        var feeds = await FeedListsAsync(cancellationToken);
        var changes = last is not null && last.Fits(key, RecordStamp(), time.GetUtcNow()) ? await store.GetPageChangesAsync(last.Version, cancellationToken) : null;
        var (plan, written, removed) = changes is not null
            ? await StageChangesAsync(last!, changes, feeds, staging, cancellationToken)
            : await StageAllAsync(feeds, staging, cancellationToken);
        PublishState.StagePageRecord(staging, plan.Record(Shared));
        _staged = plan.Of(key, nextDue);
        return new ArticlePagesReport(new ArticleLinks(site, new Dictionary<string, string>(plan.Assigned, StringComparer.Ordinal)), plan.Pages.Count, written, removed)
        {
            Read = changes is null ? plan.Pages.Count : changes.Paged.Count + changes.Unpaged.Count,
        };
    }

    /// <summary>The publish whose pages were staged last is in place: its plan is where the next one starts.</summary>
    public void Published()
    {
        if (_staged is { } staged)
        {
            (_plan, _staged) = (staged with { RecordStamp = RecordStamp() }, null);
        }
    }

    /// <summary>What the record file is now; a plan holds only while the record is the one its publish wrote.</summary>
    private (long Length, DateTime Written)? RecordStamp() =>
        new FileInfo(directory.Resolve(PublishState.PageRecordFile)) is { Exists: true } file ? (file.Length, file.LastWriteTimeUtc) : null;

    /// <summary>
    /// Every page from the store's page versions, read a chunk at a time in the store's order,
    /// against the record <c>.fp-pages</c> (at a process's first publish, or when the last plan no
    /// longer holds: other settings, an article come due or expired by the clock, the record changed).
    /// </summary>
    private async Task<(PagePlan Plan, int Written, int Removed)> StageAllAsync(FeedLists feeds, FeedStaging staging, CancellationToken cancellationToken)
    {
        var previous = state.ReadPageRecord();
        // A path the record gives an article is its own while the article stands: nobody else is given it.
        var reserved = new Dictionary<string, string>(previous.Count, StringComparer.Ordinal);
        foreach (var (id, page) in previous)
        {
            reserved[page.Path] = id;
        }

        var plan = new PagePlan(previous.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var deferred = new List<PageVersion>();
        var written = 0;
        for (long after = 0; ;)
        {
            var versions = await store.GetPageVersionsAsync(after, VersionsPerRead, cancellationToken);
            var toRender = new List<(string Id, string Path)>();
            foreach (var version in versions)
            {
                seen.Add(version.Id);
                var own = ArticlePagePath.For(version.Id, version.Published);
                var old = previous.GetValueOrDefault(version.Id);
                var path = old is not null && ArticlePagePath.IsFor(old.Path, own) && plan.Used.Add(old.Path)
                    ? old.Path
                    : Claim(own, version.Id, plan.Used, reserved, seen, Foreign);
                if (path is null)
                {
                    // Its path is another article's in the record, one not read yet: settled when every article has been.
                    deferred.Add(version);
                    continue;
                }

                if (Changed(plan.Settle(version, own, path), old))
                {
                    toRender.Add((version.Id, path));
                }
            }

            written += await StagePagesAsync(toRender, feeds, staging, cancellationToken);
            if (versions.Count < VersionsPerRead)
            {
                break;
            }

            after = versions[^1].Seq;
        }

        // Every article has claimed its path now: what the record gave one that is gone (a file
        // moved to another folder, say) is free, and the newcomer takes it; a taken one, the next free.
        var late = deferred.Select(version => (Version: version, Own: ArticlePagePath.For(version.Id, version.Published)))
            .Select(page => (page.Version, page.Own, Path: Claim(page.Own, page.Version.Id, plan.Used, reserved, seen, Foreign, final: true)!))
            .Where(page => Changed(plan.Settle(page.Version, page.Own, page.Path), previous.GetValueOrDefault(page.Version.Id)))
            .Select(page => (page.Version.Id, page.Path)).ToList();
        written += await StagePagesAsync(late, feeds, staging, cancellationToken);
        return (plan, written, RemovePagesNotIn(plan.Used, previous, staging));
    }

    /// <summary>
    /// Only what the store says changed since the last plan (<see cref="PageChanges"/>), so that a
    /// publish of one article inside the service costs the same at 100,000 articles as at 100:
    /// every other page keeps its path and fingerprint. The same rules as <see cref="StageAllAsync"/>,
    /// where every other article has been read already.
    /// </summary>
    private async Task<(PagePlan Plan, int Written, int Removed)> StageChangesAsync(PagePlan plan, PageChanges changes, FeedLists feeds, FeedStaging staging, CancellationToken cancellationToken)
    {
        var freed = new List<string>();
        foreach (var id in changes.Unpaged)
        {
            if (plan.Remove(id) is { } path)
            {
                freed.Add(path);
            }
        }

        // First every path given up (an article whose date moved it to another month), then the
        // claims in the store's order: as in a full read, where a path given up by an article read
        // later is still free for an earlier one.
        var paged = changes.Paged.Select(version => (Version: version, Own: ArticlePagePath.For(version.Id, version.Published), Old: plan.Of(version.Id))).ToList();
        foreach (var (_, own, old) in paged)
        {
            if (old is { } moved && !ArticlePagePath.IsFor(moved.Path, own))
            {
                plan.Used.Remove(moved.Path);
                freed.Add(moved.Path);
            }
        }

        var toRender = new List<(string Id, string Path)>();
        foreach (var (version, own, old) in paged)
        {
            var path = old is { } kept && ArticlePagePath.IsFor(kept.Path, own) ? kept.Path : Claim(own, version.Id, plan.Used, [], [], Foreign)!;
            var page = plan.Settle(version, own, path);
            if (old is not { } before || !page.SameAs(before))
            {
                toRender.Add((version.Id, path));
            }
        }

        var written = await StagePagesAsync(toRender, feeds, staging, cancellationToken);
        var removed = freed.Where(path => !plan.Used.Contains(path)).Distinct(StringComparer.Ordinal).Count(path => RemovePage(path, staging));
        return (plan, written, removed);
    }

    /// <summary>Whether the page must be rendered: new, moved, or made of another version or settings than the record says.</summary>
    private bool Changed(PlannedPage page, PageRecord? recorded) =>
        recorded is null || recorded.Path != page.Path || !page.HasFingerprint(recorded.Fingerprint, Shared);

    /// <summary>
    /// A file at a page's path that no page of ours wrote (a site's own page, kept when it moved
    /// here) stays: a new article takes the next path instead.
    /// </summary>
    private bool Foreign(string path) => File.Exists(directory.Resolve(ArticlePagePath.FileOf(path)))
        && !ArticlePageWriter.IsOwnPage(directory.Resolve(ArticlePagePath.FileOf(path)));

    /// <summary>
    /// The article's own path, or its first alternative that is free: not used in this publish,
    /// not a file of someone else's, and not another article's in the record, unless that article
    /// has been read and took another. Null when the first such path is the record's for an
    /// article not read yet.
    /// </summary>
    /// <param name="final">After every article was read: an owner not read is gone, and its path free.</param>
    private static string? Claim(string own, string id, HashSet<string> used, Dictionary<string, string> reserved, HashSet<string> seen, Func<string, bool> foreign, bool final = false)
    {
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? own : ArticlePagePath.Alternative(own, n);
            if (used.Contains(candidate))
            {
                continue;
            }

            if (!reserved.TryGetValue(candidate, out var owner))
            {
                if (foreign(candidate))
                {
                    continue;
                }
            }
            else if (owner != id)
            {
                if (!seen.Contains(owner) && !final)
                {
                    return null;
                }

                // Its owner took another path, or (final) is gone: free.
            }

            used.Add(candidate);
            return candidate;
        }
    }

    /// <summary>
    /// Loads, renders and stages pages a batch at a time, loading the next batch while one renders
    /// (the store's calls complete synchronously: on a thread of their own, the load overlaps the
    /// rendering, and no core waits on the store); returns how many files changed.
    /// </summary>
    private async Task<int> StagePagesAsync(List<(string Id, string Path)> pages, FeedLists feeds, FeedStaging staging, CancellationToken cancellationToken)
    {
        var batches = pages.Chunk(ArticlesPerBatch).ToList();
        var written = 0;
        var next = batches.Count > 0 ? LoadAsync(batches[0], cancellationToken) : null;
        try
        {
            for (var b = 0; b < batches.Count; b++)
            {
                var articles = await next!;
                var following = b + 1 < batches.Count ? batches[b + 1] : null;
                next = following is null ? null : Task.Run(() => LoadAsync(following, cancellationToken), cancellationToken);
                Parallel.ForEach(batches[b], new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, page =>
                {
                    // Gone since its version was read (another node's ingest): the next publish removes its page.
                    if (articles.GetValueOrDefault(page.Id) is not { } article)
                    {
                        return;
                    }

                    var bytes = ArticlePageWriter.Render(site, article, new Uri(site.Root, page.Path), feeds.For(article));
                    if (staging.StageUnlisted(ArticlePagePath.FileOf(page.Path), bytes, settings.Gzip).Outcome == FileOutcome.Written)
                    {
                        Interlocked.Increment(ref written);
                    }
                });
            }
        }
        catch when (next is not null)
        {
            // A publish that fails lets the load under way finish before it gives the store back.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        return written;
    }

    private async Task<Dictionary<string, Article>> LoadAsync((string Id, string Path)[] batch, CancellationToken cancellationToken) =>
        (await store.GetArticlesAsync([.. batch.Select(p => p.Id)], cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);

    /// <summary>Removes the pages of the record whose path this publish does not use; returns how many.</summary>
    private int RemovePagesNotIn(HashSet<string> used, Dictionary<string, PageRecord> previous, FeedStaging staging) =>
        previous.Values.Select(p => p.Path).Where(p => !used.Contains(p)).Distinct(StringComparer.Ordinal).Count(path => RemovePage(path, staging));

    /// <summary>
    /// The page and its .gz, whatever the setting: one written before Feeds:Gzip was turned off
    /// goes too. A file at the path that no page of ours wrote stays, whatever the record says: a
    /// record edited by hand must not delete the site's own page. True when it goes.
    /// </summary>
    private bool RemovePage(string path, FeedStaging staging)
    {
        if (Foreign(path))
        {
            return false;
        }

        staging.Remove(ArticlePagePath.FileOf(path));
        staging.Remove(ArticlePagePath.FileOf(path) + ".gz");
        return true;
    }

    /// <summary>Every output setting and the page's markup revision, hashed once per process: the part of a page's fingerprint all pages share.</summary>
    private string Shared => _shared ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{shape.Hash}\n{ArticlePageWriter.Revision}")))[..12];

    private string? _shared;

    private async Task<FeedLists> FeedListsAsync(CancellationToken cancellationToken)
    {
        var categories = await store.GetTermsAsync(TermKind.Category, cancellationToken);
        var authors = await store.GetTermsAsync(TermKind.Author, cancellationToken);
        return new FeedLists(site,
            categories.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Slug, StringComparer.OrdinalIgnoreCase),
            authors.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Slug, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The feeds an article is in, for its page: the main feed, then its categories' and authors'.</summary>
    private sealed class FeedLists(SiteInfo site, Dictionary<string, string> categories, Dictionary<string, string> authors)
    {
        public List<ArticlePageWriter.ListedFeed> For(Article article)
        {
            var feeds = new List<ArticlePageWriter.ListedFeed> { new(site.Title, site.Root) };
            feeds.AddRange(article.Categories.Where(categories.ContainsKey)
                .Select(c => new ArticlePageWriter.ListedFeed(c, new Uri(site.Root, $"{FeedPlanner.CategoriesFolder}/{categories[c]}/"))));
            feeds.AddRange(article.Authors.Where(authors.ContainsKey)
                .Select(a => new ArticlePageWriter.ListedFeed(a, new Uri(site.Root, $"{FeedPlanner.AuthorsFolder}/{authors[a]}/"))));
            return feeds;
        }
    }
}

/// <summary>One article page of the record: its path and the fingerprint of what made it.</summary>
public sealed record PageRecord(string Path, string Fingerprint);

/// <summary>What <see cref="ArticlePages.StageAsync"/> did: the publish's links, the pages there are, how many were written and removed.</summary>
public sealed record ArticlePagesReport(ArticleLinks Links, int Pages, int Written, int Removed)
{
    /// <summary>How many articles' page versions were read: every page's, or (in a running service) those that changed.</summary>
    public int Read { get; init; }
}
