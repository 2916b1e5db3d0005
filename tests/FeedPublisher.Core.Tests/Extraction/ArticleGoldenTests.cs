using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Extraction;

/// <summary>
/// Every input in TestData/Extraction (any article format) is read and extracted as ingest does
/// it, and compared with its .json golden file: the article, or the reason it was rejected.
/// </summary>
public sealed class ArticleGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Golden.TestData, "Extraction"))
                     .Where(f => !f.EndsWith(".golden.json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileName(file));
        }

        return cases;
    }

    [Fact]
    public void Cases_AtLeastTwentyFive()
    {
        Assert.True(Cases().Count >= 25, $"{Cases().Count} golden cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_GoldenCase_MatchesJson(string fileName)
    {
        string actual;
        try
        {
            actual = ArticleJson.Serialize(ArticlePipeline.Read(fileName, Golden.ReadBytes(Path.Combine("Extraction", fileName))));
        }
        catch (ArticleRejectedException e)
        {
            actual = ArticleJson.Rejected(e.Message);
        }

        Golden.AssertMatches(Path.Combine("Extraction", fileName + ".golden.json"), actual);
    }

    [Fact]
    public void Extract_SeedArticle_HasTitleSummarySourcesAndNoJunk()
    {
        var article = ArticlePipeline.Read("000_f54e15e33b7f0285.txt", Golden.ReadBytes("Extraction/000_f54e15e33b7f0285.txt"));

        Assert.Equal("Kim Jong Un Says He is Open For Dialogue With Seoul", article.Title);
        // The first sentence fits in 300 characters; the second would not.
        Assert.Equal(
            "In an article by CNBC, the North Korean leader has reiterated their strong stance against interference with the United States "
            + "and has emphasized that they are ready to use their nuclear weapons against those who will exhibit threats against them in his New Year’s Day speech.",
            article.Summary);
        Assert.Equal(["https://www.cnbc.com/", "https://www.reuters.com/", "https://www.bloomberg.com/"], article.Sources.Select(s => s.Url.AbsoluteUri));
        Assert.Equal(["CNBC", "Reuters", "Bloomberg"], article.Sources.Select(s => s.Name));
        foreach (var junk in new[] { "Share this article", "More from", "Inquisitr" })
        {
            Assert.DoesNotContain(junk, article.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain(junk, article.ContentHtml, StringComparison.Ordinal);
        }

        Assert.EndsWith("United States.</p>\n", article.ContentHtml, StringComparison.Ordinal);
    }
}
