namespace FeedPublisher.Core.Ingesting;

/// <summary>What a walk of the articles folder found: the files to read, in path order, and what it skipped.</summary>
internal sealed class FolderWalk(List<FoundFile> files, List<WalkSkip> skipped)
{
    private readonly HashSet<string> _skippedFiles = skipped.Where(s => !s.IsFolder).Select(s => s.RelativePath).ToHashSet(StringComparer.Ordinal);
    private readonly string[] _skippedFolders = [.. skipped.Where(s => s.IsFolder).Select(s => s.RelativePath + "/")];

    public List<FoundFile> Files { get; } = files;

    /// <summary>In path order.</summary>
    public List<WalkSkip> Skipped { get; } = skipped;

    /// <summary>
    /// Whether the path was skipped, or lies in a folder that was: such a path was not seen, yet it
    /// is not gone either, so its article keeps its last good version (as a file rejected at ingest does).
    /// </summary>
    public bool Covers(string relativePath) =>
        _skippedFiles.Contains(relativePath) || _skippedFolders.Any(folder => relativePath.StartsWith(folder, StringComparison.Ordinal));
}
