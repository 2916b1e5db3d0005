using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FeedPublisher.Serving;

/// <summary>
/// Strong ETags from the SHA-256 of a file's bytes, so they change exactly when the bytes do.
/// A file is hashed once per version (path, length and mtime), not on every request; the
/// publisher replaces a file only when its bytes change, so the version key moves with them.
/// </summary>
public sealed class EntityTags
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified, string Tag)> _cache = new(StringComparer.Ordinal);

    public string For(FileInfo file)
    {
        if (_cache.TryGetValue(file.FullName, out var known) && known.Length == file.Length && known.Modified == file.LastWriteTimeUtc)
        {
            return known.Tag;
        }

        using var stream = file.OpenRead();
        var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(stream))[..32]}\"";
        _cache[file.FullName] = (file.Length, file.LastWriteTimeUtc, tag);
        return tag;
    }
}
