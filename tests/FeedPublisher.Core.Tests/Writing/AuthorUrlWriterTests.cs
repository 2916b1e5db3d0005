using System.Text.Json;
using System.Xml.Linq;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Writing;

/// <summary>An author's page goes into Atom author/uri and JSON Feed authors[].url; RSS is unchanged by it.</summary>
public sealed class AuthorUrlWriterTests
{
    private static readonly XNamespace A = "http://www.w3.org/2005/Atom";

    private static readonly Article WithPages = new()
    {
        Id = "world/port-strike",
        Title = "Port strike talks stall",
        Path = "world/port-strike",
        Published = new DateTimeOffset(2018, 1, 3, 9, 0, 0, TimeSpan.Zero),
        Updated = new DateTimeOffset(2018, 1, 3, 9, 0, 0, TimeSpan.Zero),
        Summary = "Talks stalled.",
        ContentHtml = "<p>Talks stalled.</p>\n",
        Authors = ["Ann Lee", "Bo Kim"],
        AuthorUrls = new Dictionary<string, Uri> { ["Ann Lee"] = new("https://ann.example/") },
    };

    private static byte[] Render(IFeedWriter writer, Article article) =>
        writer.Render(new FeedBuilder(SampleFeed.Site).BuildMain([article]));

    [Fact]
    public void Atom_AuthorWithAPage_ItsUri()
    {
        var entry = XDocument.Load(new MemoryStream(Render(new AtomFeedWriter(), WithPages))).Root!.Element(A + "entry")!;

        var authors = entry.Elements(A + "author").ToList();
        Assert.Equal(["Ann Lee", "Bo Kim"], authors.Select(a => (string?)a.Element(A + "name")));
        Assert.Equal("https://ann.example/", (string?)authors[0].Element(A + "uri"));
        Assert.Null(authors[1].Element(A + "uri"));
        Assert.Empty(FeedFormats.Named("atom.xml")!.Rules.Check(Render(new AtomFeedWriter(), WithPages), expectedSelf: null));
    }

    [Fact]
    public void JsonFeed_AuthorWithAPage_ItsUrl()
    {
        using var json = JsonDocument.Parse(Render(new JsonFeedWriter(), WithPages));

        var authors = json.RootElement.GetProperty("items")[0].GetProperty("authors").EnumerateArray().ToList();
        Assert.Equal(["Ann Lee", "Bo Kim"], authors.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("https://ann.example/", authors[0].GetProperty("url").GetString());
        Assert.False(authors[1].TryGetProperty("url", out _));
    }

    [Fact]
    public void Rss_AuthorPages_SameBytesAsWithout()
    {
        Assert.Equal(
            Render(new RssFeedWriter(), WithPages with { AuthorUrls = new Dictionary<string, Uri>() }),
            Render(new RssFeedWriter(), WithPages));
    }
}
