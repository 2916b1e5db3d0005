using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Tests.Publishing;

public sealed class FeedFingerprintsTests
{
    private static readonly FeedSpec Science = new("categories/science", FeedGroup.Category, "Science", "Science news", ArticleQuery.For(TermKind.Category, "science"), 50, FullContent: false);

    /// <summary>
    /// The fingerprint the publisher has written to .fp-feeds.json since before versions were typed:
    /// if it changed, the first publish after an upgrade would render every feed again.
    /// </summary>
    [Fact]
    public void Of_SameSpecAndVersions_GivesTheFingerprintEarlierVersionsWrote()
    {
        // Pinned when the stores returned "id|hash|updated milliseconds": ["b|hash-b|1700000000123", "a|hash-a|1699999999000"].
        ArticleVersion[] versions =
        [
            new("b", "hash-b", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)),
            new("a", "hash-a", DateTimeOffset.FromUnixTimeMilliseconds(1_699_999_999_000)),
        ];

        Assert.Equal("41d9e13d8ae9560cd02eebbcd693ac06ee2a76071d8ad4ac2373caa04e77f8ff", FeedFingerprints.Of(Science, versions));
    }
}
