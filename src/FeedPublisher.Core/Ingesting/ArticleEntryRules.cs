namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Which entries of the articles folder are read: the rules the walk and the watcher's targeted
/// ingest share, so both see the same files.
/// <list type="bullet">
/// <item>Only regular files are read. A named pipe would block the read for ever, a device never
/// ends or has side effects when opened, a socket cannot be read: they are skipped with a warning
/// when their name is an article's (others, like notes.pdf, are ignored as ever).</item>
/// <item>A link is judged by where it really leads (every link on the way resolved), never by its
/// text. Out of the articles folder (to /etc/passwd, /dev/zero, a folder elsewhere) it is refused
/// with a warning unless Articles:FollowLinksOutside allows it. A link to a file inside is read
/// under its own name: what it shows is already in the folder, so nothing leaks, and making an
/// old name lead to a renamed file is a common reason to have one (with an <c>id</c> in the file,
/// the second name is reported as claiming the same id). A link to a folder inside is not entered:
/// its files are listed where they are, and would otherwise be listed twice.</item>
/// <item>A link that leads nowhere, and a name that cannot be opened, are reported, never
/// silently dropped.</item>
/// </list>
/// </summary>
internal sealed class ArticleEntryRules(string root, Func<string, bool> reads, bool followLinksOutside)
{
    private readonly Lazy<string> _realRoot = new(() => RealPaths.Resolve(root) ?? Path.GetFullPath(root));

    /// <summary>The articles folder with every link in its path resolved.</summary>
    public string RealRoot => _realRoot.Value;

    /// <param name="belowLink">Whether the entry was found below a followed link to a folder outside.</param>
    /// <returns>Whether the walk goes into it.</returns>
    public FolderEntry Judge(in ArticleEntry entry, string relativePath, bool belowLink, List<FoundFile> files, List<WalkSkip> skipped)
    {
        if (entry.IsLink)
        {
            return JudgeLink(entry, relativePath, belowLink, files, skipped);
        }

        if (entry.IsDirectory)
        {
            return FolderEntry.Folder;
        }

        if (!reads(Path.GetExtension(entry.FullPath)))
        {
            return FolderEntry.None;
        }

        // A FIFO, socket or device shows a size of 0, and so does a name the system's encoding
        // cannot give back: only then is the kind asked, so the walk costs one stat per file as before.
        var kind = entry.Length == 0 ? UnixFiles.KindOf(entry.FullPath, followLinks: false) : FileKind.Regular;
        if (kind == FileKind.Regular)
        {
            files.Add(new FoundFile(relativePath, entry.FullPath, entry.Length, entry.LastWriteTime));
        }
        else
        {
            skipped.Add(new WalkSkip(relativePath, kind == FileKind.Missing ? Gone(entry) : $"it is {kind.Describe()}, not a regular file"));
        }

        return FolderEntry.None;
    }

    private FolderEntry JudgeLink(in ArticleEntry entry, string relativePath, bool belowLink, List<FoundFile> files, List<WalkSkip> skipped)
    {
        var target = RealPaths.Resolve(entry.FullPath);
        var kind = target is null ? FileKind.Missing : UnixFiles.KindOf(target, followLinks: false);
        if (target is null || kind == FileKind.Missing)
        {
            skipped.Add(new WalkSkip(relativePath, entry.Name.Contains('\uFFFD', StringComparison.Ordinal) ? Gone(entry) : $"the link leads nowhere ({LinkText(entry)})"));
            return FolderEntry.None;
        }

        var inside = RealPaths.IsInside(RealRoot, target);
        if (kind == FileKind.Directory)
        {
            if (inside)
            {
                return FolderEntry.None;
            }

            if (!followLinksOutside)
            {
                skipped.Add(new WalkSkip(relativePath, LeadsOut(target), IsFolder: true));
                return FolderEntry.None;
            }

            // A link below a followed one, or to a folder holding the articles folder, could loop
            // or list files again under new paths.
            return belowLink || RealPaths.IsInside(target, RealRoot) ? FolderEntry.None : FolderEntry.LinkedFolder;
        }

        if (!reads(Path.GetExtension(entry.FullPath)))
        {
            return FolderEntry.None;
        }

        if (kind != FileKind.Regular)
        {
            skipped.Add(new WalkSkip(relativePath, $"the link leads to {kind.Describe()} ({target}), not a regular file"));
        }
        else if (!inside && !followLinksOutside)
        {
            skipped.Add(new WalkSkip(relativePath, LeadsOut(target)));
        }
        else
        {
            // The target's stat: an edit to it changes the article.
            var info = new FileInfo(target);
            files.Add(new FoundFile(relativePath, entry.FullPath, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
        }

        return FolderEntry.None;
    }

    public static string LeadsOut(string target) =>
        $"the link leads out of the articles folder, to {target} (Articles:FollowLinksOutside=true allows that)";

    /// <summary>Why an entry listed a moment ago cannot be found by its name.</summary>
    private static string Gone(in ArticleEntry entry) =>
        entry.Name.Contains('\uFFFD', StringComparison.Ordinal)
            ? "its name is not valid UTF-8, so it cannot be opened by that name; rename it"
            : "the file is gone";

    private static string LinkText(in ArticleEntry entry)
    {
        try
        {
            return new FileInfo(entry.FullPath).LinkTarget ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
