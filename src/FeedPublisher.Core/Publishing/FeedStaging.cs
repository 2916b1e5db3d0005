namespace FeedPublisher.Core.Publishing;

/// <summary>
/// One publish's files on their way into the feed directory (<see cref="FeedDirectory.PublishAsync"/>):
/// each file is handed over as bytes, compared with the file in place and, when it differs, written
/// with its .gz sibling to the staging folder at once, so that a publish holds the few files being
/// staged rather than all of them. Safe to call from several threads. What it records per file is
/// its path and its staged temporaries' names: the moves, flushed and journaled by the directory
/// once every file is staged, in the order the files were staged (files staged at the same time
/// on several threads in any order among themselves).
/// </summary>
public sealed class FeedStaging
{
    private readonly FeedDirectory _directory;
    private readonly Lock _lock = new();
    private readonly List<string[]> _renames = [];
    private readonly List<string> _manifest = [];
    private readonly List<string> _removals = [];
    private int _unlisted;

    /// <summary>Folders of this publish's files found to be real (no symbolic link): each is looked at once.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _realFolders = new(StringComparer.Ordinal);

    internal FeedStaging(FeedDirectory directory)
    {
        _directory = directory;
    }

    /// <summary>The moves into place staged so far (temporary, then target), in order.</summary>
    internal IReadOnlyList<string[]> Renames => _renames;

    /// <summary>Every file this publish leaves in the directory, .gz siblings included, in no particular order.</summary>
    internal IReadOnlyList<string> Manifest => _manifest;

    /// <summary>Files outside the manifest that this publish deletes (<see cref="Remove"/>).</summary>
    internal IReadOnlyList<string> Removals => _removals;

    /// <summary>How many files were staged in the tree (<see cref="StageUnlisted"/>).</summary>
    internal int UnlistedStaged => Volatile.Read(ref _unlisted);

    /// <summary>The file's full path, refused (before anything moves) when something is in the way of it or of its .gz.</summary>
    private string ResolveWithCompanion(string relativePath, bool gzip)
    {
        var target = _directory.ResolveForStaging(relativePath, _realFolders);
        if (gzip)
        {
            _directory.ResolveForStaging(relativePath + ".gz", _realFolders);
        }

        return target;
    }

    /// <summary>Stages a file with these bytes (and its .gz sibling when asked); a file whose bytes would not change is left alone.</summary>
    public PublishedFile Stage(string relativePath, ReadOnlySpan<byte> bytes, bool gzip)
    {
        var target = ResolveWithCompanion(relativePath, gzip);
        var changed = !FeedDirectory.HasSameBytes(target, bytes);
        var rename = changed ? new[] { _directory.Relative(_directory.WriteTemporary(bytes, FeedDirectory.LaterSecondThan(target))), relativePath } : null;
        var gzipRename = gzip && (changed || !File.Exists(target + ".gz"))
            ? new[] { _directory.Relative(_directory.WriteTemporaryCompressed(bytes)), relativePath + ".gz" }
            : null;
        Record(relativePath, gzip, rename, gzipRename);
        return new PublishedFile(relativePath, bytes.Length, changed ? FileOutcome.Written : FileOutcome.Unchanged);
    }

    /// <summary>
    /// Stages a file that the manifest does not list (an article page: there may be 100,000, and
    /// the manifest is read on every publish): its owner keeps its own record of such files, and
    /// deletes them with <see cref="Remove"/>. A changed file is written (with its .gz) to the
    /// staging folder's tree, named by its escaped relative path, which the directory moves into
    /// place as a whole, first of all (pages before the feeds that link to them): nothing per file
    /// is kept in memory.
    /// </summary>
    public PublishedFile StageUnlisted(string relativePath, ReadOnlySpan<byte> bytes, bool gzip)
    {
        var target = ResolveWithCompanion(relativePath, gzip);
        var changed = !FeedDirectory.HasSameBytes(target, bytes);
        var staged = 0;
        if (changed)
        {
            _directory.WriteTree(relativePath, bytes, compressed: false, FeedDirectory.LaterSecondThan(target));
            staged++;
        }

        if (gzip && (changed || !File.Exists(target + ".gz")))
        {
            _directory.WriteTree(relativePath + ".gz", bytes, compressed: true, null);
            staged++;
        }
        else if (!gzip && File.Exists(target + ".gz"))
        {
            // Feeds:Gzip was turned off: a .gz left beside the new file would serve its old bytes.
            Remove(relativePath + ".gz");
        }

        Interlocked.Add(ref _unlisted, staged);
        return new PublishedFile(relativePath, bytes.Length, changed ? FileOutcome.Written : FileOutcome.Unchanged);
    }

    /// <summary>Deletes a file that the manifest does not list (see <see cref="StageUnlisted"/>) when the publish moves its files into place.</summary>
    public void Remove(string relativePath)
    {
        _directory.ResolveForStaging(relativePath, _realFolders, written: false);
        lock (_lock)
        {
            _removals.Add(relativePath);
        }
    }

    /// <summary>Keeps the file in place as it is (one known to be unchanged), without reading it.</summary>
    public PublishedFile Keep(string relativePath, bool gzip)
    {
        var target = _directory.ResolveForStaging(relativePath, _realFolders);
        Record(relativePath, gzip, null, null);
        return new PublishedFile(relativePath, new FileInfo(target).Length, FileOutcome.Unchanged);
    }

    /// <summary>Files whose bytes are known already (or kept), staged on every core; results in their order.</summary>
    public IReadOnlyList<PublishedFile> Stage(IReadOnlyList<FeedFile> files)
    {
        // Refuse a path that would leave the directory, or land in the staging folder, before any of them is staged.
        foreach (var file in files)
        {
            _directory.ResolveForStaging(file.RelativePath, _realFolders);
        }

        var results = new PublishedFile[files.Count];
        Parallel.For(0, files.Count, i => results[i] = files[i].Bytes is { } bytes
            ? Stage(files[i].RelativePath, bytes, files[i].Gzip)
            : Keep(files[i].RelativePath, files[i].Gzip));
        return results;
    }

    private void Record(string relativePath, bool gzip, string[]? rename, string[]? gzipRename)
    {
        lock (_lock)
        {
            _manifest.Add(relativePath);
            if (gzip)
            {
                _manifest.Add(relativePath + ".gz");
            }

            if (rename is not null)
            {
                _renames.Add(rename);
            }

            if (gzipRename is not null)
            {
                _renames.Add(gzipRename);
            }
        }
    }
}
