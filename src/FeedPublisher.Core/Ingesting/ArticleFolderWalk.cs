using System.IO.Enumeration;

namespace FeedPublisher.Core.Ingesting;

/// <summary>A file found below the articles folder, with what its stat said.</summary>
public sealed record FoundFile(string RelativePath, string FullPath, long Length, DateTimeOffset LastWriteTime);

/// <summary>
/// Lists the article files below the articles folder with their length and mtime, in path order:
/// one directory read per folder and one stat per file, the top folder's subfolders on every core
/// (at 100,000 files the stats are most of a publish where nothing changed). Dotfiles and
/// dot-folders are skipped; which other entries are read is <see cref="ArticleEntryRules"/>'
/// decision, and every entry it refuses, and every folder that cannot be read, is in the result
/// with its reason.
/// </summary>
internal static class ArticleFolderWalk
{
    private static readonly EnumerationOptions OneFolder = new()
    {
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        // A folder that cannot be read is reported, not passed over as if it were empty.
        IgnoreInaccessible = false,
    };

    /// <param name="reads">Whether a file extension (".md") is one we read.</param>
    /// <param name="followLinksOutside">Articles:FollowLinksOutside: links that lead out of the folder are followed.</param>
    public static FolderWalk Walk(string root, Func<string, bool> reads, bool followLinksOutside = false)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the articles folder {root} does not exist");
        }

        var rules = new ArticleEntryRules(root, reads, followLinksOutside);
        // Every file found lies below the root: its relative path is the rest of its full path.
        var prefix = Path.EndsInDirectorySeparator(root) ? root.Length : root.Length + 1;
        var top = new Listing(rules, prefix);
        var folders = new List<Folder>();
        top.Visit(root, belowLink: false, folders);

        // Each folder's files are sorted on the thread that found them. Every path in folder F
        // starts with "F/", so the folders in the order of "F/" give their files in path order;
        // the files at the top are merged in.
        folders.Sort((a, b) => string.CompareOrdinal(a.RelativePath + '/', b.RelativePath + '/'));
        var below = new Listing[folders.Count];
        Parallel.For(0, folders.Count, i =>
        {
            below[i] = new Listing(rules, prefix);
            below[i].Visit(folders[i].FullPath, folders[i].BelowLink, subfolders: null);
            Sorted(below[i].Files);
        });

        var skipped = top.Skipped.Concat(below.SelectMany(listing => listing.Skipped)).OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList();
        return new FolderWalk(Merge(Sorted(top.Files), below), skipped);
    }

    private static List<FoundFile> Sorted(List<FoundFile> files)
    {
        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static List<FoundFile> Merge(List<FoundFile> top, Listing[] folders)
    {
        var all = new List<FoundFile>(top.Count + folders.Sum(listing => listing.Files.Count));
        var next = 0;
        foreach (var file in folders.SelectMany(listing => listing.Files))
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

    /// <summary>The relative path of a full one: only the platform's separator is one (on Linux a backslash is part of a name).</summary>
    private static string Relative(string fullPath, int prefix) =>
        Path.DirectorySeparatorChar == '/' ? fullPath[prefix..] : fullPath[prefix..].Replace(Path.DirectorySeparatorChar, '/');

    private sealed record Folder(string FullPath, string RelativePath, bool BelowLink);

    /// <summary>What one thread found below one folder.</summary>
    private sealed class Listing(ArticleEntryRules rules, int prefix)
    {
        public List<FoundFile> Files { get; } = [];

        public List<WalkSkip> Skipped { get; } = [];

        /// <param name="subfolders">At the top, where the subfolders go instead of being entered.</param>
        public void Visit(string folder, bool belowLink, List<Folder>? subfolders)
        {
            List<ArticleEntry> entries;
            try
            {
                entries = new FileSystemEnumerable<ArticleEntry>(folder, ArticleEntry.Of, OneFolder).ToList();
            }
            catch (Exception e) when (subfolders is null && e is IOException or UnauthorizedAccessException)
            {
                // The articles folder itself unreadable fails the walk (nothing could be said of
                // any file); a folder below it is reported, and its articles keep their last version.
                var relative = Relative(folder, prefix);
                Skipped.Add(new WalkSkip(relative, Path.GetFileName(folder).Contains('\uFFFD', StringComparison.Ordinal)
                    ? "the folder's name is not valid UTF-8, so it cannot be opened by that name; rename it"
                    : $"the folder cannot be read: {e.Message}", IsFolder: true));
                return;
            }

            foreach (var entry in entries)
            {
                var relative = Relative(entry.FullPath, prefix);
                var into = rules.Judge(entry, relative, belowLink, Files, Skipped);
                if (into == FolderEntry.None)
                {
                    continue;
                }

                var linked = belowLink || into == FolderEntry.LinkedFolder;
                if (subfolders is not null)
                {
                    subfolders.Add(new Folder(entry.FullPath, relative, linked));
                }
                else
                {
                    Visit(entry.FullPath, linked, subfolders: null);
                }
            }
        }
    }
}
