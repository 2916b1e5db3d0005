namespace FeedPublisher.Core.Publishing;

/// <summary>
/// The feed directory. A file is replaced only when its bytes change, so its mtime (and with it
/// ETag and Last-Modified) stays put when nothing changed; and it is replaced atomically: the
/// bytes go to a temporary file in the same folder, are flushed to disk, then renamed over the
/// target, so a reader or a crash never sees half a file.
/// </summary>
public sealed class FeedDirectory
{
    /// <summary>Temporary files start with this: a dotfile that never carries a feed's name.</summary>
    public const string TemporaryPrefix = ".fp-tmp-";

    public FeedDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public FileOutcome WriteIfChanged(string relativePath, byte[] bytes)
    {
        var target = Resolve(relativePath);
        if (HasSameBytes(target, bytes))
        {
            return FileOutcome.Unchanged;
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return FileOutcome.Written;
    }

    /// <summary>The full path of a file in the directory; a path that would leave it is refused.</summary>
    public string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is outside the feed directory {Root}", nameof(relativePath));
        }

        return full;
    }

    private static bool HasSameBytes(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }
}
