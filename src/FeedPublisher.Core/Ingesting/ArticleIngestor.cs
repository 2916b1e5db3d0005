using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// One ingest of the articles folder into the store, in three parts: the
/// <see cref="ArticleChangeDetector"/> says which files to look at (a walk compared with the
/// store's stamps, or the paths the watcher named), an <see cref="IngestPass"/> reads and
/// extracts them a chunk at a time, whole, and the <see cref="ArticleStoreWriter"/> stores each
/// chunk while the next is read. Every article leaves ingest complete: nothing later reads a file.
/// A file that fails is reported and skipped, and an edited file that fails keeps its last good
/// version in the store; the rest of the pass goes on. A pass cut short is completed by the next.
/// </summary>
public sealed class ArticleIngestor(
    IArticleStore store,
    ArticleFileReader files,
    ArticleExtractor extractor,
    IngestSettings settings,
    ChangedArticles changes,
    TimeProvider time,
    ILogger<ArticleIngestor> logger)
{
    /// <summary>
    /// Files read and extracted per chunk, while the chunk before is stored: enough to keep both
    /// cores busy, few enough that two chunks' texts and articles stay ~25 MB (2,000 held ~100).
    /// </summary>
    private const int ChunkSize = 500;

    /// <summary>Up to this many changed files go on alone, as if the watcher had named them; more take the whole walk and a bulk load.</summary>
    private const int FewChanges = 2000;

    private readonly ArticleChangeDetector _detector = new(files, settings);

    public async Task<IngestReport> IngestAsync(CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null, StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        var changed = changes.Take();
        try
        {
            return (changed is null ? null : await IngestNamedAsync(changed, timings, cancellationToken))
                ?? await IngestAllAsync(progress, timings, cancellationToken);
        }
        catch
        {
            changes.Restore(changed);
            throw;
        }
    }

    /// <summary>
    /// The whole folder: every file is stat'ed, every known file that is gone leaves the store.
    /// When few files changed, those alone go on, as if the watcher had named them; only a first
    /// run, a mass change or new extraction settings need every known file's identity.
    /// </summary>
    private async Task<IngestReport> IngestAllAsync(IProgress<IngestProgress>? progress, StageTimings timings, CancellationToken cancellationToken)
    {
        // The stamps are read while the folder is walked: both take a tenth of a second or more at 100,000.
        var reading = Task.Run(() => timings.TimeAsync(StageTimings.Store, () => store.GetFileStampsAsync(cancellationToken)), cancellationToken);
        FolderWalk walk;
        try
        {
            walk = timings.Time(StageTimings.Read, () => ArticleFolderWalk.Walk(files.Root, files.Reads, settings.FollowLinksOutside));
        }
        finally
        {
            // Never left running behind a failed walk; the walk's error is the one reported, and
            // the store's, if it failed too, is observed here rather than left unobserved.
            await reading.ContinueWith(t => t.Exception, TaskScheduler.Default);
        }

        var stamps = await reading;
        var found = walk.Files;
        var skipped = walk.Skipped.Select(skip => Report(skip)).ToList();
        var skippedFiles = walk.Skipped.Count(skip => !skip.IsFolder);
        var changed = ArticleChangeDetector.Compare(walk, stamps, out var changedFound);
        if (changed.Count <= FewChanges && await IngestNamedAsync(changed, timings, cancellationToken) is { } report)
        {
            return report with
            {
                Files = found.Count + skippedFiles,
                Unchanged = report.Unchanged + found.Count - changedFound,
                Problems = [.. skipped, .. report.Problems],
            };
        }

        var known = new KnownFiles(await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync(cancellationToken)));
        // Built on the first file that needs an identity: a pass where nothing changed never needs it.
        var claims = new Lazy<IdentityClaims>(() =>
        {
            var present = found.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            return new IdentityClaims(known.ByPath.Values, present.Concat(known.ByPath.Keys.Where(path => ArticleImporter.IsImported(path) || (FeedItemPaths.IsItem(path) && present.Contains(FeedItemPaths.ContainerOf(path))))));
        });
        var pass = new IngestPass(files, extractor, time.GetUtcNow(), timings, cancellationToken);
        // Counted as the chunks go, not kept: a file's outcome is a few hundred bytes, 100,000 of them tens of MB.
        var outcomes = new IngestTally();
        var done = 0;
        await using (var writer = await ArticleStoreWriter.BeginAsync(store, found.Count(f => known.At(f.RelativePath) is null) > FewChanges, timings, cancellationToken))
        {
            foreach (var chunk in found.Chunk(ChunkSize))
            {
                var read = pass.Read(chunk, known, () => progress?.Report(new IngestProgress(Interlocked.Increment(ref done), found.Count)));
                var (chunkChanges, chunkOutcomes) = pass.Extract(read, claims);
                outcomes.Add(chunkOutcomes);
                await writer.WriteAsync(chunkChanges);
            }

            await writer.CompleteAsync();
        }

        var seen = known.ByPath.Count == 0 ? [] : found.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = known.ByPath.Keys.Where(path => !ArticleImporter.IsImported(path) && FeedItemPaths.ContainerOf(path) is var file && !seen.Contains(file) && !walk.Covers(file))
            .Order(StringComparer.Ordinal).ToList();
        await ArticleStoreWriter.ApplyNowAsync(store, new StoreChanges([], [], removed), timings, cancellationToken);
        return Summarize(outcomes, removed.Count, skipped) with { Files = found.Count + skippedFiles };
    }

    /// <summary>
    /// Only the files named (by the watcher, or by a walk that found few changes): the store is
    /// asked about those paths and the ids they claim, nothing else. Null when the changes need the
    /// whole walk after all (<see cref="ArticleChangeDetector.Judge"/>).
    /// </summary>
    private async Task<IngestReport?> IngestNamedAsync(IReadOnlyCollection<string> changed, StageTimings timings, CancellationToken cancellationToken)
    {
        if (_detector.Judge(changed, FewChanges) is not { } named)
        {
            return null;
        }

        if (named.Paths.Count == 0)
        {
            return new IngestReport(0, 0, 0, 0, 0, []);
        }

        // The store gives the items of a JSON Feed document at a named path too.
        var known = await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync(named.Paths, [], cancellationToken));
        var pass = new IngestPass(files, extractor, time.GetUtcNow(), timings, cancellationToken);
        var read = pass.Read(named.Files, new KnownFiles(known));
        // The ids these files claim may belong to files that did not change: ask for their owners.
        var owners = await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync([], read.ClaimedIds(), cancellationToken));
        var reread = named.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var claims = new Lazy<IdentityClaims>(() => new IdentityClaims(known.Values.Concat(owners.Values),
            reread.Concat(known.Keys.Where(path => FeedItemPaths.IsItem(path) && reread.Contains(FeedItemPaths.ContainerOf(path))))
                .Concat(owners.Keys.Where(path => ArticleImporter.IsImported(path) || File.Exists(Path.Combine(files.Root, FeedItemPaths.ContainerOf(path)))))));
        var (chunkChanges, outcomes) = pass.Extract(read, claims);
        await ArticleStoreWriter.ApplyNowAsync(store, chunkChanges, timings, cancellationToken);

        var present = named.Files.Select(f => f.RelativePath).Concat(named.Skipped.Select(skip => skip.RelativePath)).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(path => !present.Contains(FeedItemPaths.ContainerOf(path))).Order(StringComparer.Ordinal).ToList();
        await ArticleStoreWriter.ApplyNowAsync(store, new StoreChanges([], [], removed), timings, cancellationToken);
        var tally = new IngestTally();
        tally.Add(outcomes);
        return Summarize(tally, removed.Count, [.. named.Skipped.Select(Report)]) with { Files = named.Files.Count + named.Skipped.Count };
    }

    private ArticleProblem Report(WalkSkip skip) =>
        IngestLog.Report(logger, new ArticleProblem(Path.Combine(settings.ArticlesDirectory, skip.RelativePath), skip.Reason, Rejected: true));

    /// <summary>The report of a pass, its files' problems logged and named by path after those given.</summary>
    private IngestReport Summarize(IngestTally outcomes, int removed, List<ArticleProblem> problems)
    {
        problems.AddRange(outcomes.WithProblems.SelectMany(f => f.Problems.Select(p =>
            IngestLog.Report(logger, new ArticleProblem(Path.Combine(settings.ArticlesDirectory, f.RelativePath), p.Message, p.Rejected)))));
        foreach (var file in outcomes.Withheld)
        {
            IngestLog.ReportWithheld(logger, Path.Combine(settings.ArticlesDirectory, file.RelativePath), file.Withheld!);
        }

        return new IngestReport(outcomes.Files, outcomes.Added, outcomes.Updated, outcomes.Unchanged,
            removed + outcomes.Removed + outcomes.Withheld.Count(f => f.Known), problems)
        {
            Withheld = outcomes.Withheld.Count,
            UnknownKeys = IngestLog.ReportUnknownKeys(logger, outcomes.WithUnknownKeys),
        };
    }
}
