using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// Article pages (issue 17) as the real program writes them: every item link leads to a page that
/// is there, a page follows its article through edits and deletions, two articles whose paths
/// would meet each keep their own page, and a site with its own pages (Site:ArticleUrl) gets none.
/// </summary>
public sealed class ArticlePagesTests : IDisposable
{
    private const string BaseUrl = "https://news.example.com/feeds/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public ArticlePagesTests()
    {
        _articles = _temp.CreateFolder("articles");
        _feeds = _temp.Combine("feeds");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Publish_EveryItemLinkInEveryFormat_IsAPageOfThatArticle()
    {
        RepositoryPaths.CopySampleArticles(_articles);

        var result = await PublishAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        // An article with a URL of its own links there, and gets no page.
        var links = ItemLinks().Where(l => l.Link.StartsWith(BaseUrl, StringComparison.Ordinal)).ToList();
        Assert.True(links.Count >= 5, string.Join("\n", ItemLinks()));
        foreach (var (title, link) in links)
        {
            var page = PageAt(link);
            Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
            Assert.Equal(link, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal(link, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
            using var data = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
            Assert.Equal("NewsArticle", data.RootElement.GetProperty("@type").GetString());
            Assert.Equal(title, data.RootElement.GetProperty("headline").GetString());
            Assert.Equal(3, page.QuerySelectorAll("link[rel=alternate]").Length);
            Assert.True(File.Exists(FileOf(link) + ".gz"), $"{link} has no .gz");
        }

        Assert.Contains($"Article pages: {links.Select(l => l.Link).Distinct().Count()} in all, {links.Select(l => l.Link).Distinct().Count()} written, 0 removed", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_EditDeleteAndTwoArticlesWithOneName_PagesFollowTheirArticles()
    {
        Write("world/budget.md", "World Budget", "2026-08-03");
        Write("business/budget.md", "Business Budget", "2026-08-20");
        Write("other.md", "Other Story", "2026-07-01");
        Assert.Equal(0, (await PublishAsync()).ExitCode);
        var first = ItemLinks().ToDictionary(l => l.Title, l => l.Link);
        // Ingest settles identities in path order: business/budget came first and has the plain path.
        Assert.Equal($"{BaseUrl}2026/08/budget/", first["Business Budget"]);
        Assert.Equal($"{BaseUrl}2026/08/budget-2/", first["World Budget"]);
        Assert.Equal($"{BaseUrl}2026/07/other/", first["Other Story"]);
        var otherPage = FileOf(first["Other Story"]);
        var otherWritten = File.GetLastWriteTimeUtc(otherPage);

        Write("world/budget.md", "World Budget, Revised", "2026-08-03");
        var edited = await PublishAsync();
        Assert.Contains("Article pages: 3 in all, 1 written, 0 removed", edited.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("World Budget, Revised", PageAt(first["World Budget"]).QuerySelector("h1")!.TextContent);
        Assert.Equal(otherWritten, File.GetLastWriteTimeUtc(otherPage));

        File.Delete(Path.Combine(_articles, "business", "budget.md"));
        var deleted = await PublishAsync();
        Assert.Contains("Article pages: 2 in all, 0 written, 1 removed", deleted.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(FileOf(first["Business Budget"])));
        Assert.False(File.Exists(FileOf(first["Business Budget"]) + ".gz"));
        // The other keeps the page readers have: its link does not move to the freed path.
        Assert.Equal(first["World Budget"], ItemLinks().Single(l => l.Title == "World Budget, Revised").Link);
        Assert.True(File.Exists(FileOf(first["World Budget"])));

        var nothing = await PublishAsync();
        Assert.Contains("Nothing changed", nothing.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SiteHostsItsOwnPages_LinksFollowTheTemplateAndOurPagesGo()
    {
        Write("world/budget.md", "World Budget", "2026-08-03");
        Assert.Equal(0, (await PublishAsync()).ExitCode);
        Assert.True(Directory.Exists(Path.Combine(_feeds, "2026")));

        var hosted = await PublishAsync("--Site:ArticleUrl=https://news.example.com/{yyyy}/{mm}/{dd}/{slug}.html");

        Assert.True(hosted.ExitCode == 0, hosted.ToString());
        Assert.Equal("https://news.example.com/2026/08/03/budget.html", ItemLinks().Single().Link);
        Assert.False(Directory.Exists(Path.Combine(_feeds, "2026")));
        Assert.False(File.Exists(Path.Combine(_feeds, ".fp-pages")));
    }

    [Fact]
    public async Task Publish_BadArticleUrlTemplate_NamesTheSettingAndWritesNothing()
    {
        Write("world/budget.md", "World Budget", "2026-08-03");

        var result = await PublishAsync("--Site:ArticleUrl=https://news.example.com/{year}/");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Site:ArticleUrl", result.AllOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_feeds) && Directory.EnumerateFiles(_feeds).Any());
    }

    /// <summary>Found by an outside probe: a page's folder replaced by a link to elsewhere carried the page, and its later deletion, out of the directory.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Publish_PageFolderIsASymbolicLinkOutOfTheDirectory_NothingWrittenOrDeletedThereAndTheErrorNamesIt()
    {
        Write("world/budget.md", "World Budget", "2026-08-03");
        Assert.Equal(0, (await PublishAsync()).ExitCode);
        var outside = _temp.CreateFolder("outside");
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "not the publisher's");
        File.CreateSymbolicLink(Path.Combine(_feeds, "2026", "09"), outside);
        Write("sym.md", "Sym", "2026-09-05");

        var result = await PublishAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'2026/09' in the feed directory", result.AllOutput, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        // The publish before it stands, whole.
        Assert.Contains("World Budget", File.ReadAllText(Path.Combine(_feeds, "rss.xml")), StringComparison.Ordinal);
    }

    /// <summary>Found by an outside probe: a site's own page at an article's path was overwritten, and deleted with the article.</summary>
    [Fact]
    public async Task Publish_AFileOfTheSitesOwnAtAnArticlesPath_KeptAndTheArticleTakesTheNextPath()
    {
        var legacy = Path.Combine(_feeds, "2026", "08", "legacy", "index.html");
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        File.WriteAllText(legacy, "<p>hand-made page</p>");
        Write("legacy.md", "Legacy", "2026-08-05");

        var result = await PublishAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("<p>hand-made page</p>", File.ReadAllText(legacy));
        Assert.Equal($"{BaseUrl}2026/08/legacy-2/", ItemLinks().Single().Link);
        File.Delete(Path.Combine(_articles, "legacy.md"));
        Assert.Equal(0, (await PublishAsync()).ExitCode);
        Assert.Equal("<p>hand-made page</p>", File.ReadAllText(legacy));
        Assert.False(Directory.Exists(Path.Combine(_feeds, "2026", "08", "legacy-2")));
    }

    /// <summary>Found by an outside probe: a record edited by hand made the publish delete a file of the site's own at a page path.</summary>
    [Fact]
    public async Task Publish_RecordNamesASitesOwnFileAsAGonePage_TheFileStays()
    {
        Write("story.md", "Story", "2026-08-05");
        Assert.Equal(0, (await PublishAsync()).ExitCode);
        var own = Path.Combine(_feeds, "2026", "08", "about", "index.html");
        Directory.CreateDirectory(Path.GetDirectoryName(own)!);
        File.WriteAllText(own, "<p>the site's own page</p>");
        File.WriteAllText(own + ".gz", "not ours either");
        File.AppendAllText(Path.Combine(_feeds, ".fp-pages"), "gone-article\t2026/08/about/\t0123456789abcdef-1-000000000000\n");
        Write("story.md", "Story, Edited", "2026-08-05");

        var result = await PublishAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("<p>the site's own page</p>", File.ReadAllText(own));
        Assert.Equal("not ours either", File.ReadAllText(own + ".gz"));
        Assert.Contains("0 removed", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>Found by an outside probe: a folder where the record goes crashed the publish with a stack trace, half-way through moving its files.</summary>
    [Theory]
    [InlineData(".fp-pages")]
    [InlineData("rss.xml")]
    [InlineData("2026/08/story/index.html")]
    [InlineData("atom.xml.gz")]
    public async Task Publish_AFolderWhereAFileGoes_RefusedNamingItBeforeAnythingMoves(string path)
    {
        Write("first.md", "First", "2026-07-05");
        Assert.Equal(0, (await PublishAsync()).ExitCode);
        var full = Path.Combine(_feeds, path);
        if (File.Exists(full))
        {
            File.Delete(full);
        }

        Directory.CreateDirectory(Path.Combine(full, "inside"));
        Write("story.md", "Story", "2026-08-05");

        var result = await PublishAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"'{path}' in the feed directory", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("is a folder", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        // Nothing moved: the publish before stands, and no journal is left to finish.
        Assert.DoesNotContain("<title type=\"text\">Story</title>", File.ReadAllText(Path.Combine(_feeds, "atom.xml")), StringComparison.Ordinal);
        Assert.Contains("First", File.ReadAllText(Path.Combine(_feeds, "atom.xml")), StringComparison.Ordinal);
        // Nor the feed whose .gz was in the way: a file and its .gz move together or not at all.
        Assert.DoesNotContain(">Story<", File.ReadAllText(Path.Combine(_feeds, "index.html")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_feeds, ".fp-staging", "journal.json")));
    }

    /// <summary>Found by an outside probe: the check let an id into the host, and one odd id then failed every publish.</summary>
    [Fact]
    public async Task Publish_ArticleUrlTemplateWithAPlaceholderInTheHost_RefusedNamingTheSetting()
    {
        Write("odd.md", "Odd Id", "2026-08-08");

        var result = await PublishAsync("--Site:ArticleUrl=https://{id}.example.com/");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Site:ArticleUrl", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("only stand in the path", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    /// <summary>Found by an outside probe: an RSS guid is a permalink unless it says otherwise, so an item without a link is at its guid.</summary>
    [Fact]
    public async Task Import_RssItemWithAPermalinkGuidAndNoLink_LinksToTheGuidAndGetsNoPage()
    {
        var old = _temp.Combine("old.xml");
        File.WriteAllText(old, """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Old</title><link>https://old.example.com/</link><description>d</description>
            <item><title>Guid is url</title><guid>https://old.example.com/2026/08/guid-url/</guid><pubDate>Sun, 16 Aug 2026 10:00:00 GMT</pubDate><description>Body of the story, in a few words.</description></item>
            <item><title>Guid is no url</title><guid isPermaLink="false">https://old.example.com/?p=7</guid><pubDate>Sun, 16 Aug 2026 11:00:00 GMT</pubDate><description>Another story, in a few words.</description></item>
            </channel></rss>
            """);

        var result = await FeedPublisherCli.RunAsync(_temp.Path,
            ["import", old, "--publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), "--base-url", BaseUrl]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var links = ItemLinks().ToDictionary(l => l.Title, l => l.Link);
        Assert.Equal("https://old.example.com/2026/08/guid-url/", links["Guid is url"]);
        Assert.StartsWith(BaseUrl + "2026/08/", links["Guid is no url"], StringComparison.Ordinal);
        Assert.True(File.Exists(FileOf(links["Guid is no url"])));
    }

    private Task<CliResult> PublishAsync(params string[] extra) => FeedPublisherCli.RunAsync(_temp.Path,
        ["publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), "--base-url", BaseUrl, .. extra]);

    private void Write(string relativePath, string title, string date)
    {
        var path = Path.Combine(_articles, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"---\ntitle: {title}\ndate: {date}\ncategories: [Economy]\n---\nAccording to Reuters, {title.ToLowerInvariant()} is news.\n");
    }

    /// <summary>Every item's title and link, from RSS, Atom and JSON Feed, which must agree.</summary>
    private List<(string Title, string Link)> ItemLinks()
    {
        var rss = XDocument.Load(Path.Combine(_feeds, "rss.xml")).Descendants("item")
            .Select(i => (i.Element("title")!.Value, i.Element("link")!.Value)).ToList();
        var atom = XDocument.Load(Path.Combine(_feeds, "atom.xml")).Descendants(Atom + "entry")
            .Select(e => (e.Element(Atom + "title")!.Value, e.Elements(Atom + "link").First(l => (string?)l.Attribute("rel") is null or "alternate").Attribute("href")!.Value)).ToList();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_feeds, "feed.json")));
        var items = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("title").GetString()!, i.GetProperty("url").GetString()!)).ToList();
        Assert.Equal(rss, atom);
        Assert.Equal(rss, items);
        return rss;
    }

    private string FileOf(string link) =>
        Path.Combine(_feeds, new Uri(link).AbsolutePath[new Uri(BaseUrl).AbsolutePath.Length..], "index.html");

    private AngleSharp.Html.Dom.IHtmlDocument PageAt(string link)
    {
        Assert.True(File.Exists(FileOf(link)), $"no page for {link}");
        return new HtmlParser().ParseDocument(File.ReadAllText(FileOf(link)));
    }
}
