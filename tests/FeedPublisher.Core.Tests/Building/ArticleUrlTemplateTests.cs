using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Tests.Building;

public sealed class ArticleUrlTemplateTests
{
    private static readonly Article Story = new()
    {
        Id = "world/2026-08-05-kim-dialogue",
        Title = "Kim",
        Path = "world/2026-08-05-kim-dialogue",
        Published = new DateTimeOffset(2026, 8, 5, 9, 0, 0, TimeSpan.Zero),
        Updated = new DateTimeOffset(2026, 8, 5, 9, 0, 0, TimeSpan.Zero),
        Summary = "",
        ContentHtml = "<p>Kim.</p>",
    };

    [Theory]
    [InlineData("https://news.example.com/{yyyy}/{slug}/", "https://news.example.com/2026/kim-dialogue/")]
    [InlineData("https://news.example.com/{yyyy}/{mm}/{dd}/{slug}.html", "https://news.example.com/2026/08/05/kim-dialogue.html")]
    [InlineData("https://news.example.com/posts/{id}/", "https://news.example.com/posts/world/2026-08-05-kim-dialogue/")]
    public void Fill_EveryPlaceholder(string template, string expected)
    {
        Assert.Null(ArticleUrlTemplate.Problem(template));
        Assert.Equal(expected, ArticleUrlTemplate.Fill(template, Story).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://news.example.com/{yyyy}/", "{slug} or {id}")]
    [InlineData("https://news.example.com/{year}/{slug}/", "placeholder other than")]
    [InlineData("/{yyyy}/{slug}/", "absolute http or https")]
    [InlineData("javascript:alert(1)//{slug}", "absolute http or https")]
    [InlineData("https://{id}.example.com/", "only stand in the path")]
    [InlineData("https://news.example.com{slug}", "only stand in the path")]
    [InlineData("https://user:pw@news.example.com/{slug}/", "user name or password")]
    [InlineData("https://news.example.com/ {slug} /", "a space")]
    public void Problem_NamesWhatIsWrong(string template, string expected)
    {
        Assert.Contains(expected, ArticleUrlTemplate.Problem(template), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_OwnUrlWinsOverTheTemplate()
    {
        var site = new SiteInfo(new Uri("https://news.example.com/feeds/"), "News", "", "en") { ArticleUrl = "https://news.example.com/{yyyy}/{slug}/" };
        var links = new ArticleLinks(site);

        Assert.False(links.WritesPages);
        Assert.Equal("https://news.example.com/2026/kim-dialogue/", links.Of(Story).AbsoluteUri);
        Assert.Equal("https://elsewhere.example/kim", links.Of(Story with { Url = new Uri("https://elsewhere.example/kim") }).AbsoluteUri);
    }

    [Fact]
    public void Links_WithoutTemplate_ThePageInTheFeedDirectory()
    {
        var site = new SiteInfo(new Uri("https://news.example.com/feeds/"), "News", "", "en");

        Assert.True(new ArticleLinks(site).WritesPages);
        Assert.Equal("https://news.example.com/feeds/2026/08/kim-dialogue/", new ArticleLinks(site).Of(Story).AbsoluteUri);
        var assigned = new ArticleLinks(site, new Dictionary<string, string> { [Story.Id] = "2026/08/kim-dialogue-2/" });
        Assert.Equal("https://news.example.com/feeds/2026/08/kim-dialogue-2/", assigned.Of(Story).AbsoluteUri);
        Assert.NotEqual(new ArticleLinks(site).Fingerprint(), assigned.Fingerprint());
    }
}
