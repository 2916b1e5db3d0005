using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>Issue 16: the keys that keep an article unpublished, read alike from front matter and JSON.</summary>
public sealed class PublicationKeysTests
{
    [Theory]
    [InlineData("draft: true", "draft: true")]
    [InlineData("draft: \"true\"", "draft: true")]
    [InlineData("published: false", "published: false")]
    [InlineData("status: Draft", "status: Draft")]
    [InlineData("status: scheduled", "status: scheduled")]
    [InlineData("status: published", null)]
    [InlineData("draft: false", null)]
    public void Read_FrontMatterDraftKeys_DraftNamesTheKey(string key, string? expected) =>
        Assert.Equal(expected, new MarkdownArticleReader().Read(new ArticleSource("a.md", $"---\ntitle: T\n{key}\n---\nBody.\n")).Metadata.Draft);

    [Theory]
    [InlineData("\"draft\": true", "draft: true")]
    [InlineData("\"draft\": \"true\"", null)]
    [InlineData("\"published\": false", "published: false")]
    [InlineData("\"status\": \"PRIVATE\"", "status: PRIVATE")]
    [InlineData("\"status\": \"published\"", null)]
    public void Read_JsonDraftKeys_DraftNamesTheKey(string key, string? expected) =>
        Assert.Equal(expected, new JsonArticleReader().Read(new ArticleSource("a.json", $"{{\"title\": \"T\", {key}, \"body_text\": \"Body.\"}}")).Metadata.Draft);

    [Theory]
    [InlineData("expiryDate: 2020-01-02", "expiryDate")]
    [InlineData("unpublishDate: 2020-01-02", "unpublishDate")]
    [InlineData("expires: 2020-01-02", "expires")]
    public void Read_ExpiryKeys_DateAndKey(string key, string expectedKey) =>
        Assert.Equal(new ArticleExpiry(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero), expectedKey),
            new MarkdownArticleReader().Read(new ArticleSource("a.md", $"---\ntitle: T\n{key}\n---\nBody.\n")).Metadata.Expires);
}
