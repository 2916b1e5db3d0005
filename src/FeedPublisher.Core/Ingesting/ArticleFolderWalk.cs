using System.IO.Enumeration;

namespace FeedPublisher.Core.Ingesting;

/// <summary>A file found below the articles folder, with what its stat said.</summary>
public sealed record FoundFile(string RelativePath, string FullPath, long Length, DateTimeOffset LastWriteTime);

/// <summary>
/// Lists the article files below the articles folder with their length and mtime, in path order:
/// one directory read per folder and one stat per file, the top folder's subfolders on every core
/// (at 100,000 files the stats are most of a publish where nothing changed). Dotfiles and
/// dot-folders are skipped. Links to folders are followed when they lead out of the articles
/// folder (<see cref="LinkedFolders"/>).
/// </summary>
internal static class ArticleFolderWalk
{
    private static readonly EnumerationOptions TopLevel = new() { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
    private static readonly EnumerationOptions Below = new() { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, RecurseSubdirectories = true };

    /// <param name="reads">Whether a file extension (".md") is one we read.</param>
    public static List<FoundFile> Walk(string root, Func<string, bool> reads)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the articles folder {root} does not exist");
        }

        var links = new LinkedFolders(root);
        var folders = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), TopLevel)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory && links.MayEnter(ref entry),
        }.ToList();
        // Every file found lies below the root: its relative path is the rest of its full path.
        var prefix = Path.EndsInDirectorySeparator(root) ? root.Length : root.Length + 1;
        // Each folder's files are sorted on the thread that found them. Every path in folder F
        // starts with "F/", so the folders in the order of "F/" give their files in path order;
        // the files at the top are merged in. (A folder whose name holds a backslash lists as
        // "a/b/...", inside "a/": that rare walk is sorted whole.)
        folders.Sort((a, b) => string.CompareOrdinal(a + '/', b + '/'));
        var below = new List<FoundFile>[folders.Count];
        Parallel.For(0, folders.Count, i => below[i] = Sorted(Files(prefix, folders[i], Below, reads, links)));
        var all = Merge(Sorted(Files(prefix, root, TopLevel, reads, links)), below);
        return IsSorted(all) ? all : Sorted(all);
    }

    private static bool IsSorted(List<FoundFile> files)
    {
        for (var i = 1; i < files.Count; i++)
        {
            if (string.CompareOrdinal(files[i - 1].RelativePath, files[i].RelativePath) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static List<FoundFile> Sorted(List<FoundFile> files)
    {
        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static List<FoundFile> Merge(List<FoundFile> top, List<FoundFile>[] folders)
    {
        var all = new List<FoundFile>(top.Count + folders.Sum(files => files.Count));
        var next = 0;
        foreach (var file in folders.SelectMany(files => files))
        {
            for (; next < top.Count && string.CompareOrdinal(top[next].RelativePath, file.RelativePath) < 0; next++)
            {
                all.Add(top[next]);
            }

            all.Add(file);
        }

        all.AddRange(top.Skip(next));
        return all;
    }

    private static List<FoundFile> Files(int prefix, string folder, EnumerationOptions options, Func<string, bool> reads, LinkedFolders links) =>
        new FileSystemEnumerable<FoundFile>(folder, (ref FileSystemEntry entry) =>
        {
            var full = entry.ToFullPath();
            return new FoundFile(full[prefix..].Replace('\\', '/'), full, entry.Length, entry.LastWriteTimeUtc);
        }, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && reads(Path.GetExtension(entry.FileName).ToString()),
            ShouldRecursePredicate = links.MayEnter,
        }.ToList();

    /// <summary>
    /// Which links to folders a walk follows: those leading out of the articles folder, and none
    /// inside a followed one. A link to a folder inside it (whose files are walked where they are),
    /// or to a folder that holds it (a loop), would list the same files again under new paths, and
    /// publish each as one more article. The decision depends on the path alone, never on which
    /// thread gets there first, so every walk lists the same files.
    /// </summary>
    private sealed class LinkedFolders(string root)
    {
        /// <summary>The articles folder as given and, when it is a link itself, where it leads.</summary>
        private readonly string[] _roots = [.. new[] { Path.GetFullPath(root), Directory.ResolveLinkTarget(root, returnFinalTarget: true)?.FullName }
            .OfType<string>().Select(Path.TrimEndingDirectorySeparator)];

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _followed = new(StringComparer.Ordinal);

        public bool MayEnter(ref FileSystemEntry entry)
        {
            if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                return true;
            }

            var link = entry.ToFullPath();
            var target = Directory.ResolveLinkTarget(link, returnFinalTarget: true)?.FullName is { } resolved ? Path.TrimEndingDirectorySeparator(resolved) : null;
            var follow = target is not null && !_roots.Any(root => Holds(root, target) || Holds(target, root)) && !_followed.Keys.Any(followed => Holds(followed, link));
            if (follow)
            {
                _followed[link] = true;
            }

            return follow;
        }

        private static bool Holds(string folder, string path) =>
            path.Length == folder.Length ? path == folder : path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
