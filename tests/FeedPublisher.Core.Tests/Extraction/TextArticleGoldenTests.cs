using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Extraction;

/// <summary>Every TestData/Extraction/*.txt is read and extracted, and compared with its .json.</summary>
public sealed class TextArticleGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Golden.TestData, "Extraction"), "*.txt").Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileName(file));
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_GoldenCase_MatchesJson(string fileName)
    {
        var article = ArticlePipeline.Read(fileName, Golden.ReadBytes(Path.Combine("Extraction", fileName)));

        Golden.AssertMatches(Path.Combine("Extraction", Path.ChangeExtension(fileName, ".json")), ArticleJson.Serialize(article));
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
