using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Reads article files below the articles folder, for ingest (their headers) and for publishing
/// (the bodies of the articles a feed shows): regular files only, bounded by <c>Articles:MaxBytes</c>,
/// decoded once, and handed to the reader of their extension. A path that would leave the folder,
/// by its text or by a link, is refused.
/// </summary>
public sealed class ArticleFileReader
{
    private readonly Dictionary<string, IArticleReader> _readers;
    private readonly IngestSettings _settings;
    private readonly Lazy<string> _realRoot;

    public ArticleFileReader(IEnumerable<IArticleReader> readers, IngestSettings settings)
    {
        _readers = readers.SelectMany(r => r.Extensions.Select(e => KeyValuePair.Create(e, r))).ToDictionary(StringComparer.OrdinalIgnoreCase);
        _settings = settings;
        Root = Path.GetFullPath(settings.ArticlesDirectory);
        _realRoot = new Lazy<string>(() => RealPaths.Resolve(Root) ?? Root);
    }

    /// <summary>The articles folder, absolute.</summary>
    public string Root { get; }

    public bool Reads(string extension) => _readers.ContainsKey(extension);

    /// <summary>The bytes of a regular file anywhere (one handed to import); a file over the limit is rejected unread.</summary>
    public byte[] ReadBytes(FileInfo info) => Read(info.FullName, insideOnly: false);

    /// <summary>The bytes of a regular file anywhere, up to a limit of the caller's (a whole feed is larger than an article).</summary>
    public byte[] ReadBytes(FileInfo info, long maxBytes, string limitName) => Read(info.FullName, insideOnly: false, maxBytes, limitName);

    /// <summary>Articles:MaxBytes, the largest article file read.</summary>
    public long MaxBytes => _settings.MaxBytes;

    /// <summary>
    /// The bytes of an article file, a regular file that is really inside the articles folder
    /// (unless Articles:FollowLinksOutside): where the opened handle really is decides, so a link
    /// swapped in after the walk looked cannot lead the read elsewhere.
    /// </summary>
    public byte[] ReadArticleBytes(string fullPath) => Read(fullPath, insideOnly: !_settings.FollowLinksOutside);

    private byte[] Read(string fullPath, bool insideOnly) => Read(fullPath, insideOnly, _settings.MaxBytes, "Articles:MaxBytes");

    private byte[] Read(string fullPath, bool insideOnly, long maxBytes, string limitName)
    {
        using var handle = UnixFiles.OpenRegular(fullPath);
        if (insideOnly)
        {
            // Without /proc the path is resolved again, a moment after the open: a narrow race,
            // and only where the system cannot name an open file.
            var real = UnixFiles.RealPathOf(handle) ?? RealPaths.Resolve(fullPath);
            if (real is null || !RealPaths.IsInside(_realRoot.Value, real))
            {
                throw new ArticleRejectedException($"it is really {real ?? "elsewhere"}, out of the articles folder (Articles:FollowLinksOutside=true allows that)");
            }
        }

        // The size of what was opened, not of what the walk saw; a file that grows meanwhile is
        // read up to that size, so no read is ever longer than the limit.
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            throw new ArticleRejectedException($"the file is {length:N0} bytes, over the limit of {maxBytes:N0} ({limitName})");
        }

        var bytes = new byte[length];
        var done = 0;
        while (done < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(done), done) is var read and > 0)
        {
            done += read;
        }

        return done == bytes.Length ? bytes : bytes[..done];
    }

    /// <summary>
    /// The file at a '/'-separated path relative to the articles folder, which it may not leave by
    /// its text ("../"); where links lead is checked when it is read (<see cref="ReadArticleBytes"/>).
    /// </summary>
    public FileInfo Locate(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        return full.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? new FileInfo(full)
            : throw new ArticleRejectedException($"the path {relativePath} leaves the articles folder");
    }

    /// <summary>The reader for the file and its decoded text; <paramref name="warning"/> tells when the bytes needed a fallback.</summary>
    public (IArticleReader Reader, ArticleSource Source) Decode(string relativePath, byte[] bytes, out string? warning)
    {
        var reader = _readers.TryGetValue(Path.GetExtension(relativePath), out var found)
            ? found
            : throw new ArticleRejectedException($"no reader for files named *{Path.GetExtension(relativePath)}");
        var decoded = ArticleTextDecoder.Decode(bytes, sniffHtmlCharset: reader is HtmlArticleReader);
        warning = decoded.Warning;
        return (reader, new ArticleSource(relativePath, decoded.Text));
    }
}
