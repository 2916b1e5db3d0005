using System.IO.Enumeration;

namespace FeedPublisher.Core.Ingesting;

/// <summary>One directory entry as lstat(2) saw it: a link is described as the link, not as what it leads to.</summary>
internal readonly record struct ArticleEntry(string FullPath, bool IsLink, bool IsDirectory, long Length, DateTimeOffset LastWriteTime)
{
    public string Name => Path.GetFileName(FullPath);

    public static ArticleEntry Of(ref FileSystemEntry entry)
    {
        var isDirectory = entry.IsDirectory;
        return new ArticleEntry(entry.ToFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0, isDirectory,
            isDirectory ? 0 : entry.Length, isDirectory ? default : entry.LastWriteTimeUtc);
    }

    /// <summary>The entry at a path (the watcher's); null when nothing is there.</summary>
    public static ArticleEntry? Of(string fullPath)
    {
        var info = new FileInfo(fullPath);
        var attributes = info.Attributes;
        if ((int)attributes == -1)
        {
            return null;
        }

        var isLink = (attributes & FileAttributes.ReparsePoint) != 0;
        var isDirectory = !isLink && (attributes & FileAttributes.Directory) != 0;
        return new ArticleEntry(info.FullName, isLink, isDirectory, isLink || isDirectory ? 0 : info.Length,
            isDirectory ? default : new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }
}
