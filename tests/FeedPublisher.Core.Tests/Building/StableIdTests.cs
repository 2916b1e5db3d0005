using FeedPublisher.Core.Building;

namespace FeedPublisher.Core.Tests.Building;

public sealed class StableIdTests
{
    [Fact]
    public void ForArticle_SameId_SameUrn()
    {
        Assert.Equal(StableId.ForArticle("world/story"), StableId.ForArticle("world/story"));
        Assert.NotEqual(StableId.ForArticle("world/story"), StableId.ForArticle("world/story2"));
    }

    [Fact]
    public void ForArticle_IsVersion5Uuid()
    {
        var urn = StableId.ForArticle("000_f54e15e33b7f0285");

        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", urn);
    }

    /// <summary>The value Python's uuid.uuid5 gives for the same namespace and name: RFC-exact, and frozen.</summary>
    [Fact]
    public void ForArticle_MatchesReferenceImplementation()
    {
        Assert.Equal("urn:uuid:501915c4-87a2-5be2-92cc-9fe95273679b", StableId.ForArticle("000_f54e15e33b7f0285"));
    }
}
