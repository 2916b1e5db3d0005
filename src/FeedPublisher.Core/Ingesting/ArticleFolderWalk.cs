using System.IO.Enumeration;

namespace FeedPublisher.Core.Ingesting;

/// <summary>A file found below the articles folder, with what its stat said.</summary>
public sealed record FoundFile(string RelativePath, string FullPath, long Length, DateTimeOffset LastWriteTime);

/// <summary>
/// Lists the article files below the articles folder with their length and mtime, in path order:
/// one directory read per folder and one stat per file, the top folder's subfolders on every core
/// (at 100,000 files the stats are most of a publish where nothing changed). Dotfiles and
/// dot-folders are skipped; links to folders are followed, as the enumerator below the top does.
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

        var folders = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), TopLevel)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory,
        }.ToList();
        var found = new List<FoundFile>[folders.Count + 1];
        // Every file found lies below the root: its relative path is the rest of its full path.
        var prefix = Path.EndsInDirectorySeparator(root) ? root.Length : root.Length + 1;
        found[0] = Files(prefix, root, TopLevel, reads);
        Parallel.For(0, folders.Count, i => found[i + 1] = Files(prefix, folders[i], Below, reads));

        var all = new List<FoundFile>(found.Sum(files => files.Count));
        foreach (var files in found)
        {
            all.AddRange(files);
        }

        all.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return all;
    }

    private static List<FoundFile> Files(int prefix, string folder, EnumerationOptions options, Func<string, bool> reads) =>
        new FileSystemEnumerable<FoundFile>(folder, (ref FileSystemEntry entry) =>
        {
            var full = entry.ToFullPath();
            return new FoundFile(full[prefix..].Replace('\\', '/'), full, entry.Length, entry.LastWriteTimeUtc);
        }, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && reads(Path.GetExtension(entry.FileName).ToString()),
        }.ToList();
}
