using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Which files an ingest must look at: from a walk of the whole folder compared with the store's
/// file stamps, or from the paths the watcher named. It reads no file and writes nothing.
/// </summary>
internal sealed class ArticleChangeDetector(ArticleFileReader files, IngestSettings settings)
{
    /// <summary>
    /// New files, files whose stamp is not the store's or whose article is stale (derived with
    /// other extraction settings), and known files that are gone (not those the walk skipped: they
    /// keep their last good version). Imported articles have no file and are never gone. A JSON
    /// Feed document is stored as its items (<see cref="FeedItemPaths"/>): it is unchanged while
    /// every item's stamp matches it, and named by its own path when it changed or is gone.
    /// </summary>
    /// <param name="changedFound">How many of the changed paths the walk found.</param>
    public static List<string> Compare(FolderWalk walk, IReadOnlyDictionary<string, FileStamp> stamps, out int changedFound)
    {
        var documents = FeedItemPaths.ByDocument(stamps);
        var changed = new List<string>();
        var stillThere = 0;
        foreach (var file in walk.Files)
        {
            var known = stamps.TryGetValue(file.RelativePath, out var stamp);
            var items = documents?.GetValueOrDefault(file.RelativePath);
            if (known || items is not null)
            {
                stillThere += (known ? 1 : 0) + (items?.Count ?? 0);
                if ((!known || stamp.Matches(file.Length, file.LastWriteTime)) && (items is null || items.TrueForAll(item => item.Matches(file.Length, file.LastWriteTime))))
                {
                    continue;
                }
            }

            changed.Add(file.RelativePath);
        }

        changedFound = changed.Count;
        if (stillThere < stamps.Count && stamps.Keys.Count(path => !ArticleImporter.IsImported(path)) > stillThere)
        {
            var seen = walk.Files.Select(file => file.RelativePath).ToHashSet(StringComparer.Ordinal);
            changed.AddRange(stamps.Keys.Where(path => !ArticleImporter.IsImported(path)).Select(FeedItemPaths.ContainerOf).Distinct(StringComparer.Ordinal)
                .Where(path => !seen.Contains(path) && !walk.Covers(path)));
        }

        return changed;
    }

    /// <summary>
    /// The named paths judged by the walk's rules (<see cref="ArticleEntryRules"/>), so that the
    /// watcher reads nothing the walk would not. Null when the changes need the whole walk after all
    /// (a folder moved or removed, a path through a link or with a name that cannot be opened, more
    /// files than <paramref name="maxFiles"/>).
    /// </summary>
    public NamedChanges? Judge(IReadOnlyCollection<string> changed, int maxFiles)
    {
        var paths = changed.Where(path => !IsHidden(path)).Order(StringComparer.Ordinal).ToList();
        if (paths.Count > maxFiles || paths.Any(path => Directory.Exists(Path.Combine(files.Root, path)) || !files.Reads(Path.GetExtension(path)) || path.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return null;
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

        return new NamedChanges(paths, judged, skips);
    }

    /// <summary>Dotfiles and dot-folders are never articles (editors' swap files, .git).</summary>
    private static bool IsHidden(string relativePath) => relativePath.Split('/').Any(segment => segment.StartsWith('.'));
}

/// <summary>The paths the watcher named: those to read, those skipped, and all of them (the others are gone).</summary>
internal sealed record NamedChanges(IReadOnlyList<string> Paths, IReadOnlyList<FoundFile> Files, IReadOnlyList<WalkSkip> Skipped);
