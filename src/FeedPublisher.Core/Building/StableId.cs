using System.Security.Cryptography;
using System.Text;
using FeedPublisher.Core.Extraction;

namespace FeedPublisher.Core.Building;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5) as <c>urn:uuid:</c> URNs. An article's id comes from
/// its identity alone, so it stays the same in every feed and when the base URL moves.
/// </summary>
public static class StableId
{
    /// <summary>The namespace of FeedPublisher's ids; fixed forever, or every GUID would change.</summary>
    private static readonly Guid Namespace = new("6f1c2b7e-3d0a-5c4e-9b8f-2a7d41e0c9b3");

    /// <summary>The article's GUID: the one its old feed gave it when it was imported from one (<see cref="ArticleIdentity.FeedGuidPrefix"/>), else a URN of its id.</summary>
    public static string ForArticle(string articleId) => ArticleIdentity.FeedGuidOf(articleId) ?? Urn("article:" + articleId);

    public static string ForFeed(Uri feedHome) => Urn("feed:" + feedHome.AbsoluteUri);

    private static string Urn(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);

        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; this is naming, not security.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
