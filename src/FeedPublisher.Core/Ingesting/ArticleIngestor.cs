using System.Security.Cryptography;
using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// One pass over the articles folder into the store. Unchanged files cost a stat (length and
/// mtime), touched ones a hash; only new or edited files are read, on every core. Of a new file
/// only the header is kept (<see cref="ArticleExtractor.Header"/>): its body is rendered when a
/// feed first shows the article (<see cref="ArticleBodies"/>), which for an archive is a small
/// part of it. An edited file is rendered in full at once, so that an edit that breaks its body is
/// rejected here and the last good version stays published.
/// Identities are settled in path order, so the outcome never depends on thread timing. A file
/// that fails is reported and skipped; the rest of the pass goes on. Changes are stored a chunk
/// at a time (each chunk one transaction, or, when more than a chunk of files is new, all of them
/// in one store batch); a pass cut short is completed by the next one.
/// </summary>
public sealed class ArticleIngestor(
    IArticleStore store,
    ArticleFileReader files,
    ArticleExtractor extractor,
    IngestSettings settings,
    ChangedArticles changes,
    ILogger<ArticleIngestor> logger)
{
    /// <summary>Files per chunk: enough to keep both cores busy, few enough to bound memory.</summary>
    private const int ChunkSize = 2000;

    public async Task<IngestReport> IngestAsync(CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null, StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        var changed = changes.Take();
        try
        {
            return (changed is null ? null : await IngestChangedAsync(changed, timings, cancellationToken))
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
    /// The stats are compared with the store's file stamps first: when few files changed, those
    /// alone go on, as if the watcher had named them; only a first run or a mass change needs
    /// every known file's identity.
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
        var skipped = walk.Skipped.Select(skip => IngestLog.Report(logger, new ArticleProblem(Path.Combine(settings.ArticlesDirectory, skip.RelativePath), skip.Reason, Rejected: true))).ToList();
        var skippedFiles = walk.Skipped.Count(skip => !skip.IsFolder);
        if (ChangedPaths(found, stamps, walk, out var changedFound) is { Count: <= ChunkSize } changed && await IngestChangedAsync(changed, timings, cancellationToken) is { } report)
        {
            return report with
            {
                Files = found.Count + skippedFiles,
                Unchanged = report.Unchanged + found.Count - changedFound,
                Problems = [.. skipped, .. report.Problems],
            };
        }

        var known = await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync(cancellationToken));
        var candidates = found.Select(file => new Candidate(file)).ToList();

        // Files go through in chunks: read and parse in parallel, settle identities in path order,
        // extract in parallel, store; memory holds one chunk of articles, never the whole archive.
        // Built on the first file that needs an identity: a pass where nothing changed never needs it.
        var claims = new Lazy<IdentityClaims>(() => new IdentityClaims(known.Values, candidates.Select(f => f.RelativePath).Concat(known.Keys.Where(ArticleImporter.IsImported))));
        var problems = new List<ArticleProblem>();
        var done = 0;
        var storing = Task.CompletedTask;
        // More new files than one chunk (a first ingest): the store may take all chunks in one
        // transaction and index once at the end (IStoreBatch); a pass cut short then keeps none.
        var batch = candidates.Count(f => !known.ContainsKey(f.RelativePath)) > ChunkSize
            ? await timings.TimeAsync(StageTimings.Store, () => store.BeginBatchAsync(cancellationToken))
            : null;
        try
        {
            foreach (var chunk in candidates.Chunk(ChunkSize))
            {
                // One chunk is stored while the next is read: the store writes on one thread, reading
                // keeps both cores busy, and memory holds two chunks at most.
                var changes = ReadChunk(chunk, known, claims, problems, () => progress?.Report(new IngestProgress(Interlocked.Increment(ref done), candidates.Count)), timings, cancellationToken);
                await storing;
                storing = StoreChunkAsync(chunk, changes, batch, timings, cancellationToken);
            }

            await storing;
            if (batch is not null)
            {
                await timings.TimeAsync(StageTimings.Store, async () =>
                {
                    await batch.CompleteAsync(cancellationToken);
                    return 0;
                });
            }
        }
        finally
        {
            if (batch is not null)
            {
                await storing.ContinueWith(_ => { }, TaskScheduler.Default); // never dispose under a chunk still being stored
                await batch.DisposeAsync();
            }
        }

        var seen = known.Count == 0 ? [] : candidates.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(path => !seen.Contains(path) && !ArticleImporter.IsImported(path) && !walk.Covers(path)).Order(StringComparer.Ordinal).ToList();
        await ApplyAsync(new StoreChanges([], [], removed), timings, cancellationToken);
        return Report(candidates, removed.Count, [.. skipped, .. problems]) with { Files = candidates.Count + skippedFiles };
    }

    /// <summary>
    /// New files, files whose stamp is not the store's, and known files that are gone (not those
    /// the walk skipped: they keep their last good version).
    /// </summary>
    /// <param name="changedFound">How many of the changed paths the walk found.</param>
    private static List<string> ChangedPaths(List<FoundFile> found, IReadOnlyDictionary<string, FileStamp> stamps, FolderWalk walk, out int changedFound)
    {
        var changed = new List<string>();
        var stillThere = 0;
        foreach (var file in found)
        {
            if (stamps.TryGetValue(file.RelativePath, out var stamp))
            {
                stillThere++;
                if (stamp == new FileStamp(file.Length, file.LastWriteTime))
                {
                    continue;
                }
            }

            changed.Add(file.RelativePath);
        }

        changedFound = changed.Count;

        // Imported articles have no file: only a known file the walk did not find is gone.
        if (stillThere < stamps.Count && stamps.Keys.Count(path => !ArticleImporter.IsImported(path)) > stillThere)
        {
            var seen = found.Select(file => file.RelativePath).ToHashSet(StringComparer.Ordinal);
            changed.AddRange(stamps.Keys.Where(path => !seen.Contains(path) && !ArticleImporter.IsImported(path) && !walk.Covers(path)));
        }

        return changed;
    }

    /// <summary>
    /// Only the files that changed (as the watcher or a walk saw them): the store is asked about
    /// those paths and the ids they claim, nothing else. Each path is judged by the walk's rules
    /// (<see cref="ArticleEntryRules"/>), so the watcher reads nothing the walk would not. Null when
    /// the changes need the whole walk after all (a folder moved or removed, a path through a link
    /// or with a name that cannot be opened, more files than one chunk).
    /// </summary>
    private async Task<IngestReport?> IngestChangedAsync(IReadOnlyCollection<string> changed, StageTimings timings, CancellationToken cancellationToken)
    {
        var paths = changed.Where(path => !IsHidden(path)).Order(StringComparer.Ordinal).ToList();
        if (paths.Count > ChunkSize || paths.Any(path => Directory.Exists(Path.Combine(files.Root, path)) || !files.Reads(Path.GetExtension(path)) || path.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return null;
        }

        if (paths.Count == 0)
        {
            return new IngestReport(0, 0, 0, 0, 0, []);
        }

        var rules = new ArticleEntryRules(files.Root, files.Reads, settings.FollowLinksOutside);
        var located = paths.Select(path => (Path: path, Info: files.Locate(path))).ToList();
        // The walk reaches a file through real folders only (a linked one is entered only when it
        // leads out and that is allowed): a path with a link on the way is left to the walk.
        if (located.Any(file => RealPaths.Resolve(file.Info.DirectoryName!) != Path.TrimEndingDirectorySeparator(Path.Join(rules.RealRoot, Path.GetDirectoryName(file.Path)))))
        {
            return null;
        }

        var judged = new List<FoundFile>();
        var skips = new List<WalkSkip>();
        foreach (var file in located)
        {
            if (ArticleEntry.Of(file.Info.FullName) is { } entry)
            {
                rules.Judge(entry, file.Path, belowLink: false, judged, skips);
            }
        }

        var candidates = judged.Select(found => new Candidate(found)).ToList();
        var known = await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync(paths, [], cancellationToken));
        timings.Time(StageTimings.Read, () => Parallel.ForEach(candidates, new ParallelOptions { CancellationToken = cancellationToken }, file => Read(file, known.GetValueOrDefault(file.RelativePath))));

        // The ids these files claim may belong to files that did not change: ask for their owners.
        var ids = candidates.Select(c => c.Metadata is null ? null : IdOrNull(c)).OfType<string>().ToList();
        var owners = await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync([], ids, cancellationToken));
        var claims = new Lazy<IdentityClaims>(() => new IdentityClaims(known.Values.Concat(owners.Values),
            candidates.Select(c => c.RelativePath).Concat(owners.Keys.Where(path => ArticleImporter.IsImported(path) || File.Exists(Path.Combine(files.Root, path))))));
        var problems = skips.Select(skip => IngestLog.Report(logger, new ArticleProblem(Path.Combine(settings.ArticlesDirectory, skip.RelativePath), skip.Reason, Rejected: true))).ToList();
        var chunk = candidates.ToArray();
        await StoreChunkAsync(chunk, ReadChunk(chunk, known, claims, problems, onRead: null, timings, cancellationToken, alreadyRead: true), batch: null, timings, cancellationToken);

        var present = candidates.Select(c => c.RelativePath).Concat(skips.Select(skip => skip.RelativePath)).ToHashSet(StringComparer.Ordinal);
        var removed = paths.Where(path => known.ContainsKey(path) && !present.Contains(path)).ToList();
        await ApplyAsync(new StoreChanges([], [], removed), timings, cancellationToken);
        return Report(candidates, removed.Count, problems) with { Files = candidates.Count + skips.Count };
    }

    private static string? IdOrNull(Candidate file)
    {
        try
        {
            return ArticleIdentity.Resolve(file.Metadata!, file.RelativePath);
        }
        catch (ArticleRejectedException)
        {
            return null;
        }
    }

    /// <summary>Dotfiles and dot-folders are never articles (editors' swap files, .git).</summary>
    private static bool IsHidden(string relativePath) => relativePath.Split('/').Any(segment => segment.StartsWith('.'));

    /// <summary>Reads and extracts a chunk: what the store should then change.</summary>
    private StoreChanges ReadChunk(Candidate[] chunk, IReadOnlyDictionary<string, KnownFile> known, Lazy<IdentityClaims> claims, List<ArticleProblem> problems,
        Action? onRead, StageTimings timings, CancellationToken cancellationToken, bool alreadyRead = false)
    {
        if (!alreadyRead)
        {
            timings.Time(StageTimings.Read, () => Parallel.ForEach(chunk, new ParallelOptions { CancellationToken = cancellationToken }, file =>
            {
                Read(file, known.GetValueOrDefault(file.RelativePath));
                onRead?.Invoke();
            }));
        }

        timings.Time(StageTimings.Extract, () =>
        {
            foreach (var file in chunk.Where(f => f.Metadata is not null))
            {
                Claim(file, claims.Value);
            }

            Parallel.ForEach(chunk.Where(f => f.Id is not null), new ParallelOptions { CancellationToken = cancellationToken }, file => Extract(file, claims.Value));
        });
        problems.AddRange(chunk.SelectMany(f => f.Problems.Select(p => new ArticleProblem(Path.Combine(settings.ArticlesDirectory, f.RelativePath), p.Message, p.Rejected)).Select(p => IngestLog.Report(logger, p))));
        return new StoreChanges(
            chunk.Where(f => f.Article is not null).Select(f => new StoredArticle(f.Article!, f.File!)).ToList(),
            chunk.Where(f => f.Touched).Select(f => f.File!).ToList(),
            []);
    }

    private async Task StoreChunkAsync(Candidate[] chunk, StoreChanges changes, IStoreBatch? batch, StageTimings timings, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the caller goes on reading the next chunk meanwhile
        await ApplyAsync(changes, timings, cancellationToken, batch);
        foreach (var file in chunk)
        {
            file.Release();
        }
    }

    private static IngestReport Report(List<Candidate> candidates, int removed, List<ArticleProblem> problems) =>
        new(candidates.Count, candidates.Count(f => f.Saved && !f.Known), candidates.Count(f => f.Saved && f.Known),
            candidates.Count(f => f.Unchanged || f.Touched), removed, problems);

    private async Task ApplyAsync(StoreChanges changes, StageTimings timings, CancellationToken cancellationToken, IStoreBatch? batch = null)
    {
        if (!changes.IsEmpty)
        {
            await timings.TimeAsync(StageTimings.Store, async () =>
            {
                await (batch is null ? store.ApplyAsync(changes, cancellationToken) : batch.ApplyAsync(changes, cancellationToken));
                return 0;
            });
        }
    }

    /// <summary>Skips an unchanged file by its length and mtime, a touched one by its hash; reads and parses the rest.</summary>
    private void Read(Candidate file, KnownFile? previous)
    {
        var lastWrite = file.Found.LastWriteTime;
        file.Known = previous is not null;
        if (previous is not null && previous.File.Length == file.Found.Length && previous.File.LastWriteTime == lastWrite)
        {
            file.Unchanged = true;
            return;
        }

        try
        {
            var bytes = files.ReadArticleBytes(file.Found.FullPath);
            file.File = new ArticleFile(file.RelativePath, file.Found.Length, lastWrite, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (previous is not null && previous.File.ContentHash == file.File.ContentHash)
            {
                file.Touched = true;
                return;
            }

            var (reader, source) = files.Decode(file.RelativePath, bytes, out var warning);
            if (warning is not null)
            {
                file.Problems.Add((warning, false));
            }

            if (previous is null)
            {
                file.Metadata = reader.ReadHeader(source);
            }
            else
            {
                file.Draft = reader.Read(source);
                file.Metadata = file.Draft.Metadata;
            }

            file.Problems.AddRange(file.Metadata.Warnings.Select(warning => (warning, false)));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            file.Reject(Describe(e));
        }
    }

    /// <summary>
    /// Settles the file's identity, on one thread and in path order, so the outcome never depends
    /// on thread timing; the rest of the extraction runs on every core.
    /// </summary>
    private static void Claim(Candidate file, IdentityClaims claims)
    {
        try
        {
            var id = ArticleIdentity.Resolve(file.Metadata!, file.RelativePath);
            claims.Claim(id, file.RelativePath);
            file.Id = id;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            file.Reject(Describe(e));
        }
    }

    /// <summary>The header of a claimed file, and for an edited one its body too (claims are only read here).</summary>
    private void Extract(Candidate file, IdentityClaims claims)
    {
        try
        {
            var header = extractor.Header(file.Metadata!, file.Id!, file.File!.LastWriteTime, claims.FirstPublished(file.Id!))
                with { Pending = new PendingBody(file.RelativePath, file.File.ContentHash) };
            file.Article = file.Draft is null ? header : extractor.WithBody(header, file.Draft);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            file.Reject(Describe(e));
        }
    }

    /// <summary>Our own rejections and I/O errors speak for themselves; anything else is a bug of ours on one odd file.</summary>
    internal static string Describe(Exception e) =>
        e is ArticleRejectedException or IOException or UnauthorizedAccessException ? e.Message : $"could not be read ({e.GetType().Name}: {e.Message})";

    /// <summary>One article file on its way through the pass; each is touched by one thread at a time.</summary>
    private sealed class Candidate(FoundFile found)
    {
        public FoundFile Found { get; } = found;
        public string RelativePath => Found.RelativePath;
        public bool Known { get; set; }
        public bool Unchanged { get; set; }
        public bool Touched { get; set; }
        public ArticleFile? File { get; set; }
        public ArticleMetadata? Metadata { get; set; }
        public string? Id { get; set; }
        public ArticleDraft? Draft { get; set; }
        public Model.Article? Article { get; set; }
        public List<(string Message, bool Rejected)> Problems { get; } = [];

        /// <summary>Whether the article went to the store; true after <see cref="Release"/> too.</summary>
        public bool Saved { get; private set; }

        /// <summary>Drops the parsed article once stored, so only one chunk is ever in memory.</summary>
        public void Release()
        {
            Saved = Article is not null;
            File = null;
            Id = null;
            Metadata = null;
            Draft = null;
            Article = null;
        }

        public void Reject(string reason)
        {
            Problems.Add((reason, true));
            Metadata = null;
            Draft = null;
            Article = null;
        }
    }
}
