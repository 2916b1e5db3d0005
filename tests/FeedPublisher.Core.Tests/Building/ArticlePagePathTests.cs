using FeedPublisher.Core.Building;

namespace FeedPublisher.Core.Tests.Building;

public sealed class ArticlePagePathTests
{
    private static readonly DateTimeOffset August = new(2026, 8, 15, 23, 30, 0, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData("world/kim-dialogue", "2026/08/kim-dialogue/")]
    [InlineData("2026-08-15-rate-decision", "2026/08/rate-decision/")]
    [InlineData("posts/2026-08-15-Rate Decision", "2026/08/rate-decision/")]
    [InlineData("2026-08-15", "2026/08/2026-08-15/")]
    [InlineData("Zürich/Über uns", "2026/08/uber-uns/")]
    [InlineData("../../etc/passwd", "2026/08/passwd/")]
    public void For_Id_MonthOfPublicationAndSlugOfTheFileName(string id, string expected)
    {
        // 15 August 23:30 at UTC-5 is 16 August in UTC: the path's month is UTC's, like every date we write.
        Assert.Equal(expected, ArticlePagePath.For(id, August));
    }

    [Fact]
    public void For_IdWithoutLatinLetters_StableHashSlug()
    {
        var path = ArticlePagePath.For("新闻/北京", August);

        Assert.Equal(path, ArticlePagePath.For("新闻/北京", August));
        Assert.Matches("^2026/08/t-[0-9a-f]{8}/$", path);
    }

    [Fact]
    public void Alternative_NumbersTheFolder()
    {
        Assert.Equal("2026/08/x-2/", ArticlePagePath.Alternative("2026/08/x/", 2));
    }

    [Theory]
    [InlineData("2026/08/x/", "2026/08/x/", true)]
    [InlineData("2026/08/x-2/", "2026/08/x/", true)]
    [InlineData("2026/08/x-12/", "2026/08/x/", true)]
    [InlineData("2026/08/x-02/", "2026/08/x/", false)]
    [InlineData("2026/08/x-y/", "2026/08/x/", false)]
    [InlineData("2026/09/x-2/", "2026/08/x/", false)]
    [InlineData("2026/08/x-/", "2026/08/x/", false)]
    public void IsFor_OwnPathOrItsAlternatives(string path, string own, bool expected)
    {
        Assert.Equal(expected, ArticlePagePath.IsFor(path, own));
    }

    [Theory]
    [InlineData("2026/08/kim-dialogue/", true)]
    [InlineData("2026/08/t-3f2a9c01-2/", true)]
    [InlineData("rss.xml", false)]
    [InlineData("2026/08/../../rss.xml/", false)]
    [InlineData("2026/08/x/../", false)]
    [InlineData("/etc/passwd/", false)]
    [InlineData("2026/08/X/", false)]
    [InlineData("2026/08/x", false)]
    [InlineData("2026/08/x/\n", false)]
    public void IsWellFormed_OnlyPathsThePublishMakes(string path, bool expected)
    {
        // The record of pages names files to delete: a line that is not a page path must never be one.
        Assert.Equal(expected, ArticlePagePath.IsWellFormed(path));
    }
}
