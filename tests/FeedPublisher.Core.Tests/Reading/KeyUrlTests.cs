using System.Text;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>Every URL given under a key goes through the body's URL allowlist, in front matter and JSON alike.</summary>
public sealed class KeyUrlTests
{
    public static TheoryData<string> RefusedUrls() =>
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://example.org/x", "\u0001javascript:alert(1)", "javascript\n:alert(1)",
    ];

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public void FrontMatter_RefusedUrlInEveryKey_LeftOutWithAWarningPerKey(string url)
    {
        var yaml = System.Text.Json.JsonSerializer.Serialize(url);
        var metadata = FrontMatter.Read($"""
            ---
            title: Story
            url: {yaml}
            source_url: {yaml}
            image: {yaml}
            sources:
              - {yaml}
              - name: Evil
                url: {yaml}
              - name: Good
                url: https://good.example/story
            ---
            Body.
            """);

        Assert.Null(metadata.Url);
        Assert.Null(metadata.SourceUrl);
        Assert.Null(metadata.Image);
        Assert.Equal(["https://good.example/story"], metadata.Sources.Select(s => s.Url.AbsoluteUri));
        Assert.Equal(5, metadata.Warnings.Count);
        Assert.All(metadata.Warnings, w => Assert.Contains("is not an http or https URL", w));
        Assert.Contains(metadata.Warnings, w => w.StartsWith("'source_url'", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public void Json_RefusedSourceUrl_NeverBecomesALink(string url)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            title = "Story",
            url,
            sources = new object[] { url, new { name = "Evil", url } },
            body_text = "According to the agency, the plan goes ahead.",
        });

        var article = ArticlePipeline.Read("story.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(article.Url);
        Assert.All(article.Sources, s => Assert.True(s.Url.Scheme is "http" or "https", s.Url.OriginalString));
        Assert.DoesNotContain("script:", article.ContentHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FrontMatter_ValueThatIsNoUrl_WarnsInsteadOfRejectingTheArticle()
    {
        var metadata = FrontMatter.Read("---\ntitle: Story\nurl: \"http://[::1\"\n---\nBody.\n");

        Assert.Equal("Story", metadata.Title);
        Assert.Null(metadata.Url);
        Assert.Single(metadata.Warnings);
    }

    [Fact]
    public void FrontMatter_RelativeUrls_PassAndResolveAgainstTheArticle()
    {
        var article = ArticlePipeline.Read("a/story.md", Encoding.UTF8.GetBytes("---\ntitle: Story\nimage: /img/x.png\nsources: [../other]\n---\nThe plan goes ahead.\n"));

        Assert.Equal("https://news.example.com/img/x.png", article.Image?.AbsoluteUri);
        Assert.Equal(["https://news.example.com/other"], article.Sources.Select(s => s.Url.AbsoluteUri));
    }
}
