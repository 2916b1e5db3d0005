namespace FeedPublisher.Serving;

/// <summary>
/// Maps a request path to a file in the feed directory, or to nothing (404). Nothing outside the
/// directory is ever reachable: not through "..", not through encoded traversal (the path is
/// checked after decoding), not through a symbolic link that leads out, and neither dotfiles
/// (the publisher's journal, manifest and lock) nor anything in a dot-folder (the staging folder
/// of half-written files), not even through a link that leads into one. A folder is served by its
/// index.html, as static servers do (an article's page is the folder "2026/08/slug/").
/// </summary>
public sealed class FeedFileResolver(string root)
{
    private readonly string _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);

    public FileInfo? Resolve(string requestPath)
    {
        var path = requestPath.EndsWith('/') || requestPath.Length == 0 ? requestPath + "index.html" : requestPath;
        if (path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal) || path.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s.StartsWith('.')))
        {
            return null;
        }

        var current = _root;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var entry = new FileInfo(current);
            if (entry.LinkTarget is not null && !IsVisible(entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName))
            {
                return null;
            }
        }

        var file = new FileInfo(current);
        return file.Exists && IsInside(file.FullName) ? file : null;
    }

    /// <summary>True when the path, without its final slash, names a folder with an index.html: it is to be asked for with the slash.</summary>
    public bool IsFolderWithoutSlash(string requestPath) => !requestPath.EndsWith('/') && Resolve(requestPath + "/") is not null;

    /// <summary>Inside the directory, and not in one of its dot-folders.</summary>
    private bool IsVisible(string? fullPath) =>
        IsInside(fullPath) && !Path.GetRelativePath(_root, Path.GetFullPath(fullPath!)).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.'));

    private bool IsInside(string? fullPath) =>
        fullPath is not null && Path.GetFullPath(fullPath).StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
