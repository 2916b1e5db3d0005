namespace FeedPublisher.Core.Ingesting;

/// <summary>Where a path really leads once every link on the way is followed (realpath(3), in managed code).</summary>
internal static class RealPaths
{
    /// <summary>As Linux: more links than this on one path is a loop.</summary>
    private const int MaxLinks = 40;

    /// <summary>The path with every link in it resolved; null when it leads nowhere (a dangling link, a loop).</summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[resolved.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var next = Path.Join(resolved, part);
            var info = new FileInfo(next);
            if ((int)info.Attributes == -1)
            {
                return null;
            }

            if ((info.Attributes & FileAttributes.ReparsePoint) == 0 || info.LinkTarget is not { } target)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The link's text replaces it: from the top when absolute, else from the folder it is in.
            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(Path.GetFullPath(target))!;
            }

            foreach (var inner in Parts(Path.IsPathRooted(target) ? Path.GetFullPath(target)[resolved.Length..] : target).Reverse())
            {
                pending.Push(inner);
            }
        }

        return resolved;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it (both full, resolved paths).</summary>
    public static bool IsInside(string folder, string path)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        path = Path.TrimEndingDirectorySeparator(path);
        return path == folder || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Where(part => part is not ("" or "."));
}
