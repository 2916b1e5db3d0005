using System.Collections.Concurrent;
using System.IO.Compression;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// The feed directory, changed one publish at a time. A file is replaced only when its bytes
/// change, so its mtime (and the ETag and Last-Modified derived from it) stays put otherwise.
/// Every new file is first written in full to a temporary file in the staging folder and flushed;
/// then a journal lists the moves and deletions; then the files move into place (feeds first, the
/// OPML and index last, as given) and the files of feeds that no longer exist are deleted. A kill
/// at any moment leaves only complete files where readers look, and the next publish finishes an
/// interrupted one from its journal. A publish that fails before its journal (an exception, a full
/// disk) removes what it staged at once. Paths that would leave the directory are refused. The
/// names of its manifest, staging folder, journal and temporary files are in <see cref="PublishState"/>,
/// with every other file the publisher keeps beside the feeds.
/// </summary>
/// <remarks>
/// The staging folder is inside the feed directory, so that it is on the same file system (a
/// rename into place stays atomic even when the feed directory is a mount point of its own), and
/// it is open to its owner only (0700): a static server running as another user can neither list
/// nor read a half-written or abandoned file, whatever its rules for dotfiles.
/// </remarks>
public sealed class FeedDirectory
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public FeedDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    private string StagingFolder => Path.Combine(Root, PublishState.StagingFolder);

    /// <summary>Publishes files whose bytes are known (or kept): <see cref="PublishAsync"/> with one batch.</summary>
    public IReadOnlyList<PublishedFile> Publish(IReadOnlyList<FeedFile> files)
    {
        IReadOnlyList<PublishedFile> results = [];
        // Nothing here awaits: the task is complete when PublishAsync returns.
        PublishAsync(staging =>
        {
            results = staging.Stage(files);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        return results;
    }

    /// <summary>
    /// One publish: <paramref name="stage"/> hands every file of the new set to the staging, in
    /// as many batches as it likes (each file written to the staging folder as it comes); then the
    /// staged files are flushed, the journal written, and the files moved into place. Readers see
    /// the whole old set until the moves, then the whole new set. If <paramref name="stage"/>
    /// fails, nothing has moved: what it staged is removed and the old feeds stand.
    /// </summary>
    public async Task PublishAsync(Func<FeedStaging, Task> stage)
    {
        Directory.CreateDirectory(Root);
        Recover();

        PublishJournal? journal;
        try
        {
            var staging = new FeedStaging(this);
            await stage(staging);
            journal = Finish(staging);
        }
        catch (Exception e)
        {
            // Nothing has moved yet: the old feeds stand, and what this publish staged goes at
            // once, so that a full disk gets its space back now rather than at the next publish.
            ClearStaging();
            if (FeedDirectoryFullException.From(e, Root) is { } full)
            {
                throw full;
            }

            // Found on a rendering thread, it comes wrapped: the operator needs its one line.
            if (e is AggregateException many && many.Flatten().InnerExceptions.OfType<FeedDirectoryInTheWayException>().FirstOrDefault() is { } inTheWay)
            {
                throw inTheWay;
            }

            throw;
        }

        if (journal is not null)
        {
            Apply(journal, Path.Combine(Root, PublishState.JournalFile));
        }
    }

    /// <summary>Flushes every staged file, with the manifest when the list of files changed, and writes the journal that moves them into place.</summary>
    private PublishJournal? Finish(FeedStaging staging)
    {
        var renames = staging.Renames.ToList();
        var manifest = staging.Manifest.Order(StringComparer.Ordinal).ToList();
        var previous = ReadManifest();
        var removals = previous.Except(manifest, StringComparer.Ordinal).Concat(staging.Removals).ToList();
        var tree = staging.UnlistedStaged > 0;
        if (!previous.SequenceEqual(manifest, StringComparer.Ordinal))
        {
            // Staged and moved like a feed, last: once the journal is written, finishing the
            // publish needs no new space beyond the folders of new feeds: renames and deletions.
            renames.Add([Relative(WriteTemporary(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', manifest)))), PublishState.ManifestFile]);
        }

        // Flushed all at once, at the end: a flush waits on the disk, and many share its journal commits.
        DiskFlush.Flush([.. renames.Select(rename => Resolve(rename[0]))], tree ? Path.Combine(Root, PublishState.StagedTree) : null, staging.UnlistedStaged);
        if (renames.Count == 0 && removals.Count == 0 && !tree)
        {
            return null;
        }

        var journal = new PublishJournal(renames, removals, manifest, tree);
        WriteAtomically(Path.Combine(Root, PublishState.JournalFile), journal.ToBytes());
        return journal;
    }

    /// <summary>True when every file of the last publish is still there (nobody deleted any).</summary>
    public bool IsIntact() => ReadManifest() is { Count: > 0 } manifest && manifest.All(f => File.Exists(Resolve(f)));

    /// <summary>The files of the last publish, as unchanged results, for a publish that had nothing to do.</summary>
    public IReadOnlyList<PublishedFile> Current() =>
        ReadManifest().Select(f => new PublishedFile(f, new FileInfo(Resolve(f)).Length, FileOutcome.Unchanged)).ToList();

    /// <summary>True when the directory holds this file (and its .gz sibling, when asked for).</summary>
    public bool Holds(string relativePath, bool withGzip) =>
        File.Exists(Resolve(relativePath)) && (!withGzip || File.Exists(Resolve(relativePath + ".gz")));

    /// <summary>A file's bytes, or null when it is not there.</summary>
    public byte[]? Read(string relativePath) => File.Exists(Resolve(relativePath)) ? File.ReadAllBytes(Resolve(relativePath)) : null;

    /// <summary>
    /// <see cref="Resolve"/>, also refusing a path inside the staging folder, and one whose folder
    /// below the root is a symbolic link (a link would carry the file, and its later deletion,
    /// wherever it leads): for a file to publish or delete. Folders found real are remembered in
    /// <paramref name="realFolders"/> (one publish's), so each is looked at once.
    /// </summary>
    /// <param name="written">The file is written (not removed): a folder at its path is in the way.</param>
    internal string ResolveForStaging(string relativePath, ConcurrentDictionary<string, bool>? realFolders = null, bool written = true)
    {
        var full = Resolve(relativePath);
        if (full.StartsWith(StagingFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is inside the staging folder of {Root}", nameof(relativePath));
        }

        if (written && Directory.Exists(full))
        {
            throw new FeedDirectoryInTheWayException($"'{relativePath}' in the feed directory {Root} is a folder, where the publish writes a file: move the folder away; nothing was published");
        }

        for (var folder = Path.GetDirectoryName(full)!; folder.Length > Root.Length; folder = Path.GetDirectoryName(folder)!)
        {
            if (realFolders?.ContainsKey(folder) == true)
            {
                break;
            }

            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                throw new FeedDirectoryInTheWayException($"'{Relative(folder)}' in the feed directory {Root} is a symbolic link: the publisher writes only into real folders of its own, so remove the link; nothing was published");
            }

            realFolders?.TryAdd(folder, true);
        }

        return full;
    }

    /// <summary>The full path of a file in the directory; a path that would leave it is refused.</summary>
    public string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is outside the feed directory {Root}", nameof(relativePath));
        }

        return full;
    }

    private void Apply(PublishJournal journal, string journalPath)
    {
        if (journal.Tree)
        {
            MoveTreeIntoPlace();
        }

        foreach (var rename in journal.Renames)
        {
            var temporary = Resolve(rename[0]);
            if (File.Exists(temporary))
            {
                // A new feed's folder appears only now, with its first file: a publish that fails
                // before its journal leaves no empty folders behind.
                var target = Resolve(rename[1]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(temporary, target, overwrite: true);
            }
        }

        foreach (var removal in journal.Removals)
        {
            // Already gone (a page's .gz never written, a removal done before a kill) is fine; its folder may be gone too.
            var path = Resolve(removal);
            if (File.Exists(path))
            {
                File.Delete(path);
                RemoveEmptyFolders(Path.GetDirectoryName(path)!);
            }
        }

        // The journal moved a staged manifest into place already; one of an older version did not.
        if (!ReadManifest().SequenceEqual(journal.Manifest, StringComparer.Ordinal))
        {
            WriteAtomically(Path.Combine(Root, PublishState.ManifestFile), System.Text.Encoding.UTF8.GetBytes(string.Join('\n', journal.Manifest)));
        }

        File.Delete(journalPath);
    }

    /// <summary>
    /// Moves every file of the staged tree to the relative path its name encodes, streaming the
    /// walk (a first publish of 100,000 article pages holds no list of them). A file moved already
    /// is not in the tree any more, so a publish killed halfway through resumes here.
    /// </summary>
    private void MoveTreeIntoPlace()
    {
        var tree = Path.Combine(Root, PublishState.StagedTree);
        if (!Directory.Exists(tree))
        {
            return;
        }

        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var staged in Directory.EnumerateFiles(tree))
        {
            var target = Resolve(Uri.UnescapeDataString(Path.GetFileName(staged)));
            var folder = Path.GetDirectoryName(target)!;
            if (made.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            File.Move(staged, target, overwrite: true);
        }

        Directory.Delete(tree, recursive: true);
    }

    /// <summary>
    /// Finishes a publish that was killed while moving files (from its journal) and empties the
    /// staging folder of one killed while staging, so the directory is exactly one publish's.
    /// Only for the one publisher of the directory (under its lock): another's staged files would go.
    /// </summary>
    public Recovery Recover()
    {
        if (!Directory.Exists(Root))
        {
            return new Recovery(false, 0);
        }

        PrepareStaging();
        var finished = false;
        foreach (var name in new[] { PublishState.LegacyJournalFile, PublishState.JournalFile })
        {
            var path = Path.Combine(Root, name);
            if (PublishJournal.Read(path) is { } journal)
            {
                Apply(journal, path);
                finished = true;
            }
        }

        return new Recovery(finished, ClearStaging());
    }

    /// <summary>
    /// <see cref="Recover"/>, and also the temporary files that versions before the staging folder
    /// wrote beside the feeds, once per start rather than per publish. Those versions wrote only
    /// feeds, so only the folders of the listed files are looked in: the article pages' folders
    /// came later, and walking them cost every start 1.5-2.5 s at 100,000 articles.
    /// </summary>
    public Recovery RecoverAtStart()
    {
        var recovery = Recover();
        if (!Directory.Exists(Root))
        {
            return recovery;
        }

        var strays = ReadManifest().Select(file => Path.GetDirectoryName(Resolve(file))!).Append(Root).Distinct(StringComparer.Ordinal)
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, PublishState.TemporaryPrefix + "*"))
            .ToList();
        strays.ForEach(File.Delete);
        return recovery with { RemovedFiles = recovery.RemovedFiles + strays.Count };
    }

    /// <summary>Deletes everything in the staging folder; returns how many files that was.</summary>
    private int ClearStaging()
    {
        if (!Directory.Exists(StagingFolder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in new DirectoryInfo(StagingFolder).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder && folder.LinkTarget is null)
            {
                removed += folder.EnumerateFiles("*", SearchOption.AllDirectories).Count();
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Makes sure the staging folder is a real folder open to its owner only: created 0700, closed
    /// again if someone opened it, and replaced if it is a symbolic link (which would put the
    /// staged files wherever it leads).
    /// </summary>
    private void PrepareStaging()
    {
        var entry = new FileInfo(StagingFolder);
        if (entry.LinkTarget is not null || entry.Exists)
        {
            entry.Delete();
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(StagingFolder);
            return;
        }

        Directory.CreateDirectory(StagingFolder, PrivateFolder);
        if (File.GetUnixFileMode(StagingFolder) != PrivateFolder)
        {
            File.SetUnixFileMode(StagingFolder, PrivateFolder);
        }
    }

    private List<string> ReadManifest()
    {
        var path = Path.Combine(Root, PublishState.ManifestFile);
        return File.Exists(path) ? File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList() : [];
    }

    /// <summary>
    /// HTTP dates have whole seconds: a new version written in the same second as the old one
    /// would keep its Last-Modified, and an If-Modified-Since poller would miss it. So a new
    /// version's mtime is always in a later second than the version it replaces.
    /// </summary>
    internal static DateTime? LaterSecondThan(string target)
    {
        var old = new FileInfo(target);
        if (!old.Exists)
        {
            return null;
        }

        var next = old.LastWriteTimeUtc.AddTicks(TimeSpan.TicksPerSecond - (old.LastWriteTimeUtc.Ticks % TimeSpan.TicksPerSecond));
        return next > DateTime.UtcNow ? next : null;
    }

    /// <summary>
    /// Writes bytes to a new temporary file in the staging folder, not yet flushed to disk. Its
    /// mode is what the umask gives any new file (0644 as a rule), which it keeps when moved.
    /// </summary>
    internal string WriteTemporary(ReadOnlySpan<byte> bytes, DateTime? lastWrite = null)
    {
        var temporary = NewTemporaryPath();
        WriteNew(temporary, bytes, compressed: false, lastWrite);
        return temporary;
    }

    /// <summary>
    /// Writes a file of the staged tree (<see cref="FeedStaging.StageUnlisted"/>), plainly or
    /// gzipped, not yet flushed. The tree is one flat folder whose file names are the escaped
    /// relative paths ("2026%2F08%2Fslug%2Findex.html"): no folder is made per file while staging
    /// (measured on 10,000 pages: the folders of a mirrored tree cost more than the files), and
    /// the move into place reads each file's place from its name.
    /// </summary>
    internal void WriteTree(string relativePath, ReadOnlySpan<byte> bytes, bool compressed, DateTime? lastWrite)
    {
        var name = Uri.EscapeDataString(relativePath);
        if (name.Length > 240)
        {
            throw new ArgumentException($"'{relativePath}' is too long a path to stage", nameof(relativePath));
        }

        var folder = Path.Combine(Root, PublishState.StagedTree);
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
        }

        WriteNew(Path.Combine(folder, name), bytes, compressed, lastWrite);
    }

    /// <summary>
    /// Creates a file that must not exist yet and writes the bytes to it, plainly or gzipped (see
    /// <see cref="WriteTemporaryCompressed"/>); a file cut short by a full disk goes at once.
    /// </summary>
    private static void WriteNew(string path, ReadOnlySpan<byte> bytes, bool compressed, DateTime? lastWrite)
    {
        try
        {
            if (compressed)
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 16 * 1024);
                using var gzip = new GZipStream(file, new ZLibCompressionOptions { CompressionLevel = 4 });
                gzip.Write(bytes);
            }
            else
            {
                using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
                RandomAccess.Write(handle, bytes, 0);
            }
        }
        catch (IOException)
        {
            File.Delete(path);
            throw;
        }

        if (lastWrite is { } time)
        {
            File.SetLastWriteTimeUtc(path, time);
        }
    }

    private string NewTemporaryPath() => Path.Combine(StagingFolder, PublishState.TemporaryPrefix + Guid.NewGuid().ToString("N"));

    private void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = WriteTemporary(bytes);
        DiskFlush.Flush([temporary], null);
        File.Move(temporary, path, overwrite: true);
    }

    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > Root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    internal string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>
    /// Compresses bytes straight into a new temporary file in the staging folder (see
    /// <see cref="WriteTemporary"/>), with gzip at level 4. Measured on full-content feeds
    /// (docs/performance.md): level 6, zlib's default, gives 22.0% of the size in 7.4 ms per 280 KB
    /// feed, level 4 23.5% in 3.5 ms, level 9 21.7% in 14 ms. The same bytes always compress to the
    /// same bytes.
    /// </summary>
    internal string WriteTemporaryCompressed(ReadOnlySpan<byte> bytes)
    {
        var temporary = NewTemporaryPath();
        WriteNew(temporary, bytes, compressed: true, lastWrite: null);
        return temporary;
    }

    /// <summary>Compared a chunk at a time: reading the old file whole put one more large array on the heap per file.</summary>
    internal static bool HasSameBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var handle = File.OpenHandle(path);
        if (RandomAccess.GetLength(handle) != bytes.Length)
        {
            return false;
        }

        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (var offset = 0; offset < bytes.Length;)
            {
                var read = RandomAccess.Read(handle, chunk.AsSpan(0, Math.Min(chunk.Length, bytes.Length - offset)), offset);
                if (read == 0 || !chunk.AsSpan(0, read).SequenceEqual(bytes.Slice(offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
