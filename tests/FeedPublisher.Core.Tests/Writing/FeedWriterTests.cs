using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Writing;

public sealed class FeedWriterTests
{
    /// <summary>Every registered format's writer: a new format is held to its golden file without being listed here.</summary>
    public static TheoryData<IFeedWriter> Writers() => [.. FeedFormats.All.Select(f => f.Writer)];

    public static TheoryData<IFeedWriter> XmlWriters() => [new RssFeedWriter(), new AtomFeedWriter()];

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_SampleFeed_MatchesGoldenFile(IFeedWriter writer)
    {
        var bytes = writer.Render(SampleFeed.MainFeed());

        Golden.AssertMatches(Path.Combine("Writing", writer.FileName), Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_Twice_SameBytes(IFeedWriter writer)
    {
        Assert.Equal(writer.Render(SampleFeed.MainFeed()), writer.Render(SampleFeed.MainFeed()));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_AnotherFeedOnTheSameThread_LeavesTheFirstBytesAlone(IFeedWriter writer)
    {
        // Feeds are rendered into one reused buffer per thread: what a render returned is its own.
        var full = writer.Render(SampleFeed.MainFeed());
        var copy = full.ToArray();

        var shorter = writer.Render(SampleFeed.MainFeed() with { Entries = SampleFeed.MainFeed().Entries.Take(1).ToList() });

        Assert.Equal(copy, full);
        Assert.True(shorter.Length < full.Length);
        Assert.EndsWith("\n", Encoding.UTF8.GetString(shorter), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_Utf8WithoutBomAndUnixNewlines(IFeedWriter writer)
    {
        var bytes = writer.Render(SampleFeed.MainFeed());

        Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Theory]
    [MemberData(nameof(XmlWriters))]
    public void Render_RoundTripsThroughSyndicationFeedLoad(IFeedWriter writer)
    {
        var document = SampleFeed.MainFeed();
        using var reader = XmlReader.Create(new MemoryStream(writer.Render(document)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });

        var loaded = SyndicationFeed.Load(reader);

        Assert.Equal(document.Title, loaded.Title.Text);
        var items = loaded.Items.ToList();
        Assert.Equal(document.Entries.Select(e => e.Id), items.Select(i => i.Id));
        // An RSS title that would read differently as HTML is written as HTML showing the text.
        Assert.Equal(document.Entries.Select(e => e.Article.Title), items.Select(i => writer is RssFeedWriter && i.Title.Text.Contains('&') ? System.Net.WebUtility.HtmlDecode(i.Title.Text) : i.Title.Text));
        // RSS description is HTML (readers render it so): its text is the summary. Atom says type="text".
        Assert.Equal(document.Entries.Select(e => e.Article.Summary), items.Select(i => writer is RssFeedWriter ? System.Net.WebUtility.HtmlDecode(i.Summary.Text) : i.Summary.Text));
        Assert.Equal(document.Entries.Select(e => e.Link), items.Select(i => i.Links.Single(l => l.RelationshipType is null or "alternate").Uri));
        Assert.Equal(document.Entries.Select(e => e.Article.Published), items.Select(i => i.PublishDate));
        Assert.Equal(
            ["https://www.cnbc.com/", "https://www.reuters.com/"],
            items.Single(i => i.Id == document.Entries.Single(e => e.Article.Sources.Count > 0).Id).Links.Where(l => l.RelationshipType == "related").Select(l => l.Uri.AbsoluteUri));
    }

    [Fact]
    public void Rss_Dates_AreRfc822WithGmt()
    {
        var xml = Encoding.UTF8.GetString(new RssFeedWriter().Render(SampleFeed.MainFeed()));

        Assert.Contains("<pubDate>Wed, 03 Jan 2018 10:00:00 GMT</pubDate>", xml, StringComparison.Ordinal);
        Assert.Contains("<lastBuildDate>Wed, 03 Jan 2018 10:00:00 GMT</lastBuildDate>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain(" Z<", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_NamespacesDeclaredOnceOnRoot()
    {
        var xml = Encoding.UTF8.GetString(new RssFeedWriter().Render(SampleFeed.MainFeed()));

        Assert.Equal(1, CountOf(xml, "xmlns:atom="));
        Assert.Equal(1, CountOf(xml, "xmlns:content="));
        Assert.DoesNotContain("a10", xml, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_DateWithAnOffset_IsWrittenInGmt()
    {
        var feed = SampleFeed.MainFeed();
        var first = feed.Entries[0];
        var local = first with { Article = first.Article with { Published = new DateTimeOffset(2018, 1, 3, 12, 30, 0, TimeSpan.FromHours(2)) } };

        var xml = Encoding.UTF8.GetString(new RssFeedWriter().Render(feed with { Entries = [local, .. feed.Entries.Skip(1)] }));

        Assert.Contains("<pubDate>Wed, 03 Jan 2018 10:30:00 GMT</pubDate>", xml, StringComparison.Ordinal);
        Assert.Contains("<pubDate>Mon, 01 Jan 2018 09:30:00 GMT</pubDate>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_ArchivePage_DeclaresFeedHistoryOnRootOnly()
    {
        var xml = Encoding.UTF8.GetString(new RssFeedWriter().Render(SampleFeed.MainFeed() with { IsArchive = true }));

        Assert.StartsWith(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:fh=\"http://purl.org/syndication/history/1.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">",
            xml, StringComparison.Ordinal);
        Assert.Contains("<fh:archive />", xml, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(xml, "xmlns"));
        Assert.Contains("<source url=\"https://apnews.com/\">Associated Press</source>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_ArchivePage_DeclaresFeedHistoryOnRootAfterAtom()
    {
        var xml = Encoding.UTF8.GetString(new AtomFeedWriter().Render(SampleFeed.MainFeed() with { IsArchive = true }));

        Assert.StartsWith(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xml:lang=\"en\" xmlns=\"http://www.w3.org/2005/Atom\" xmlns:fh=\"http://purl.org/syndication/history/1.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">",
            xml, StringComparison.Ordinal);
        Assert.Contains("<fh:archive />", xml, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(xml, "xmlns"));
        using var reader = XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        Assert.Equal(SampleFeed.MainFeed().Entries.Count, SyndicationFeed.Load(reader).Items.Count());
    }

    [Fact]
    public void Atom_FeedIdAndUpdated_NeverInvented()
    {
        var feed = SampleFeed.MainFeed();
        using var reader = XmlReader.Create(new MemoryStream(new AtomFeedWriter().Render(feed)));

        var loaded = SyndicationFeed.Load(reader);

        Assert.Equal(feed.Id, loaded.Id);
        Assert.Equal(new DateTimeOffset(2018, 1, 3, 10, 0, 0, TimeSpan.Zero), loaded.LastUpdatedTime);
    }

    [Fact]
    public void JsonFeed_HasTheFieldsOfVersion11()
    {
        var feed = SampleFeed.MainFeed();
        using var json = System.Text.Json.JsonDocument.Parse(new JsonFeedWriter().Render(feed));
        var root = json.RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("https://news.example.com/feed.json", root.GetProperty("feed_url").GetString());
        Assert.Equal("https://news.example.com/", root.GetProperty("home_page_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(feed.Entries.Select(e => e.Id), items.Select(i => i.GetProperty("id").GetString()));
        var kim = items.Single(i => i.GetProperty("title").GetString()!.StartsWith("Kim", StringComparison.Ordinal));
        Assert.Equal("2018-01-01T09:30:00Z", kim.GetProperty("date_published").GetString());
        Assert.Equal("2018-01-02T10:00:00Z", kim.GetProperty("date_modified").GetString());
        Assert.Equal("Jane Doe", kim.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(["World", "Korea"], kim.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("en", kim.GetProperty("language").GetString());
        Assert.Contains("Sources:", kim.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.cnbc.com/", kim.GetProperty("_sources")[0].GetProperty("url").GetString());
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
