using System.Text;
using System.Text.Json;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Writing;

public sealed class ArticlePageWriterTests
{
    private static readonly SiteInfo Site = SampleFeed.Site with
    {
        Channel = new ChannelIdentity { Image = new Uri("https://news.example.com/logo.png"), Icon = new Uri("https://news.example.com/icon.png"), PublisherName = "Example Desk" },
    };

    private static readonly Article Story = SampleFeed.Articles[0] with
    {
        Image = new Uri("https://news.example.com/img/kim.jpg"),
        AuthorUrls = new Dictionary<string, Uri> { ["Jane Doe"] = new("https://news.example.com/staff/jane") },
        Origin = new SourceLink("Yonhap", new Uri("https://en.yna.co.kr/")),
    };

    private static byte[] Render(Article article) => ArticlePageWriter.Render(Site, article, new Uri("https://news.example.com/2018/01/kim-dialogue/"),
        [new(Site.Title, Site.Root), new("World", new Uri("https://news.example.com/categories/world/"))]);

    [Fact]
    public void Render_Article_MatchesGoldenFile()
    {
        Golden.AssertMatches(Path.Combine("Writing", "article-page.html"), Encoding.UTF8.GetString(Render(Story)));
    }

    [Fact]
    public void Render_Twice_SameBytes()
    {
        Assert.Equal(Render(Story), Render(Story));
    }

    [Fact]
    public void Render_MarkupInText_EscapedEverywhereAndTheScriptCannotBeClosed()
    {
        var hostile = Story with
        {
            Title = "</script><script>alert(1)</script> & \"quotes\"",
            Summary = "<img src=x onerror=alert(1)>",
            Categories = ["</script>"],
            Authors = ["<b>Eve</b>"],
        };

        var html = Encoding.UTF8.GetString(Render(hostile));

        // One script element, ours, and its JSON holds the title intact.
        Assert.Equal(1, CountOf(html, "<script"));
        Assert.Equal(1, CountOf(html, "</script>"));
        var json = html[(html.IndexOf("application/ld+json\">", StringComparison.Ordinal) + 21)..html.IndexOf("</script>", StringComparison.Ordinal)];
        using var data = JsonDocument.Parse(json);
        Assert.Equal(hostile.Title, data.RootElement.GetProperty("headline").GetString());
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Eve</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImageAlreadyInTheBody_NotShownTwice()
    {
        var inBody = Story with { ContentHtml = "<p><img src=\"https://news.example.com/img/kim.jpg\" alt=\"Kim\"></p>" };

        Assert.Equal(1, CountOf(Encoding.UTF8.GetString(Render(inBody)), "<img "));
        Assert.Equal(1, CountOf(Encoding.UTF8.GetString(Render(Story)), "<img "));
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
