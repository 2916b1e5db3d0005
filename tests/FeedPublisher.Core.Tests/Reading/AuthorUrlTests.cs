using System.Text;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>
/// Issue 16: authors given as objects with <c>name</c>, <c>url</c> (and <c>email</c>), as JSON
/// Feed 1.1 and Ghost write them, keep their page beside their name; the page passes the URL policy.
/// </summary>
public sealed class AuthorUrlTests
{
    [Fact]
    public void Read_FrontMatterAuthorsAsObjects_NamesAndPages()
    {
        var article = Read("a.md", """
            ---
            title: T
            authors:
              - name: Ann Lee
                url: https://ann.example/
                email: ann@example.com
              - name: Bo Kim
              - Cy Ode
            ---
            Body text.
            """);

        Assert.Equal(["Ann Lee", "Bo Kim", "Cy Ode"], article.Authors);
        Assert.Equal("https://ann.example/", Assert.Single(article.AuthorUrls, p => p.Key == "Ann Lee").Value.AbsoluteUri);
        Assert.Single(article.AuthorUrls);
    }

    [Fact]
    public void Read_JsonFeedItemAuthors_NamesAndPages()
    {
        var article = Read("a.json", """
            {"title": "T", "authors": [{"name": "Ann Lee", "url": "https://ann.example/"}, {"name": "Bo Kim", "avatar": "https://bo.example/a.png"}], "body_text": "Body text."}
            """);

        Assert.Equal(["Ann Lee", "Bo Kim"], article.Authors);
        Assert.Equal(["Ann Lee"], article.AuthorUrls.Keys);
        Assert.Equal(new Uri("https://ann.example/"), article.AuthorUrls["Ann Lee"]);
    }

    [Fact]
    public void Read_GhostAuthorUnderAuthorKey_ItsPage()
    {
        var article = Read("a.json", """
            {"title": "T", "author": [{"name": "Ann Lee", "slug": "ann", "url": "https://blog.example/author/ann/"}], "body_text": "Body text."}
            """);

        Assert.Equal(new Uri("https://blog.example/author/ann/"), article.AuthorUrls["Ann Lee"]);
    }

    [Fact]
    public void Read_RelativePage_MadeAbsoluteAgainstTheSite()
    {
        var article = Read("a.md", "---\ntitle: T\nauthors:\n  - name: Ann Lee\n    url: /authors/ann\n---\nBody text.\n");

        Assert.Equal("https://news.example.com/authors/ann", article.AuthorUrls["Ann Lee"].AbsoluteUri);
    }

    [Fact]
    public void Read_NameWithExtraSpaces_PageKeyedByTheCleanName()
    {
        var article = Read("a.json", """{"title": "T", "authors": [{"name": "Ann   Lee", "url": "https://ann.example/"}], "body_text": "Body text."}""");

        Assert.Equal(article.Authors, article.AuthorUrls.Keys);
    }

    [Theory]
    [MemberData(nameof(KeyUrlTests.RefusedUrls), MemberType = typeof(KeyUrlTests))]
    public void FrontMatter_RefusedPage_NameKeptPageLeftOutWithAWarning(string url)
    {
        var metadata = FrontMatter.Read($"---\ntitle: T\nauthors:\n  - name: Ann Lee\n    url: {System.Text.Json.JsonSerializer.Serialize(url)}\n---\nBody.\n");

        Assert.Equal(["Ann Lee"], metadata.Authors);
        Assert.Empty(metadata.AuthorUrls);
        Assert.StartsWith("'authors':", Assert.Single(metadata.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AuthorsAsStrings_NoPages()
    {
        var article = Read("a.md", "---\ntitle: T\nauthors: [Ann Lee, Bo Kim]\n---\nBody text.\n");

        Assert.Empty(article.AuthorUrls);
        Assert.Same(new Article { Id = "x", Title = "x", Path = "x", Published = default, Updated = default, Summary = "", ContentHtml = "" }.AuthorUrls, article.AuthorUrls);
    }

    [Fact]
    public void Read_HtmlPageJsonLdPersonAndMetaAuthor_ThePersonsPage()
    {
        var article = Read("a.html", """
            <html><head><title>T</title><meta name="author" content="Ann Lee">
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "T", "author": [{"@type": "Person", "name": "Ann Lee", "url": "/people/ann"}, {"@type": "Person", "name": "Bo Kim", "url": "javascript:alert(1)"}]}</script>
            </head><body><article><p>Body text of the story, long enough to be the article.</p></article></body></html>
            """);

        Assert.Equal(["Ann Lee"], article.Authors);
        Assert.Equal("https://news.example.com/people/ann", Assert.Single(article.AuthorUrls).Value.AbsoluteUri);
    }

    [Fact]
    public void Read_HtmlPageJsonLdPersons_PagesPassThePolicy()
    {
        var article = Read("a.html", """
            <html><head><title>T</title>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "T", "author": [{"@type": "Person", "name": "Ann Lee", "url": "https://ann.example/"}, {"@type": "Person", "name": "Bo Kim", "url": "javascript:alert(1)"}]}</script>
            </head><body><article><p>Body text of the story, long enough to be the article.</p></article></body></html>
            """);

        Assert.Equal(["Ann Lee", "Bo Kim"], article.Authors);
        Assert.Equal(["Ann Lee"], article.AuthorUrls.Keys);
    }

    private static Article Read(string fileName, string text) => ArticlePipeline.Read(fileName, Encoding.UTF8.GetBytes(text));
}
