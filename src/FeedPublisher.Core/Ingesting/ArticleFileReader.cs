using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Reads article files below the articles folder, for ingest (their headers) and for publishing
/// (the bodies of the articles a feed shows): bounded by <c>Articles:MaxBytes</c>, decoded once,
/// and handed to the reader of their extension. A path that would leave the folder is refused.
/// </summary>
public sealed class ArticleFileReader
{
    private readonly Dictionary<string, IArticleReader> _readers;
    private readonly IngestSettings _settings;

    public ArticleFileReader(IEnumerable<IArticleReader> readers, IngestSettings settings)
    {
        _readers = readers.SelectMany(r => r.Extensions.Select(e => KeyValuePair.Create(e, r))).ToDictionary(StringComparer.OrdinalIgnoreCase);
        _settings = settings;
        Root = Path.GetFullPath(settings.ArticlesDirectory);
    }

    /// <summary>The articles folder, absolute.</summary>
    public string Root { get; }

    public bool Reads(string extension) => _readers.ContainsKey(extension);

    /// <summary>The file's bytes; a file over the limit is rejected unread.</summary>
    public byte[] ReadBytes(FileInfo info) => ReadBytes(info.FullName, info.Length);

    /// <summary>The file's bytes; a file over the limit (by its stat's <paramref name="length"/>) is rejected unread.</summary>
    public byte[] ReadBytes(string fullPath, long length) =>
        length <= _settings.MaxBytes
            ? File.ReadAllBytes(fullPath)
            : throw new ArticleRejectedException($"the file is {length:N0} bytes, over the limit of {_settings.MaxBytes:N0} (Articles:MaxBytes)");

    /// <summary>The file at a '/'-separated path relative to the articles folder, which it may not leave.</summary>
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
