using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// Issue 14: articles far larger than Feeds:MaxBytes (newest, middle, oldest; a huge title; a huge
/// given summary) must neither make a feed file larger than the budget nor push the other
/// articles out: they are shortened, every feed keeps its newest items, archive pages their entries.
/// </summary>
public sealed class FeedByteBudgetTests : IDisposable
{
    private const int MaxBytes = 50_000;
    private const int Articles = 24;
    private const int MaxItems = 10;
    private const int PageSize = 5;
    private static readonly int[] Huge = [0, 12, 23];
    private const int HugeTitle = 20;
    private const int HugeSummary = 5;

    private readonly TempFolder _temp = new();
    private readonly RecordingLoggerProvider _log = new();
    private readonly ServiceProvider _services;
    private readonly FeedPublishingService _publisher;

    public FeedByteBudgetTests()
    {
        var articles = _temp.CreateFolder("articles");
        var values = new Dictionary<string, string?>
        {
            ["Articles:Directory"] = articles,
            ["Feeds:Directory"] = _temp.Combine("feeds"),
            ["Storage:ConnectionString"] = _temp.Combine("store.db"),
            ["Site:BaseUrl"] = "https://news.example.com/",
            ["Articles:MaxBytes"] = "5000000",
            ["Feeds:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:MaxItems"] = MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:ArchivePageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:Named:world:Title"] = "World",
            ["Feeds:Named:world:Categories:0"] = "World",
            ["Feeds:Named:briefs:Title"] = "Briefs",
            ["Feeds:Named:briefs:FullContent"] = "false",
        };
        for (var i = 0; i < Articles; i++)
        {
            File.WriteAllText(Path.Combine(articles, $"a{i:D2}.md"), Article(i));
        }

        _services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_log))
            .AddFeedPublisher(FeedPublisherSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build()))
            .BuildServiceProvider();
        _publisher = _services.GetRequiredService<FeedPublishingService>();
    }

    public void Dispose()
    {
        _services.Dispose();
        _log.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private static string Article(int i)
    {
        // A front matter holds at most 100,000 characters: 84,000 of title or summary is the most it can carry.
        var title = i == HugeTitle ? string.Concat(Enumerable.Repeat("A title that goes on ", 4_000)) : $"Story {i}";
        var summary = i == HugeSummary ? $"summary: {string.Concat(Enumerable.Repeat("A summary &amp; <b>more</b> ", 3_000))}\n" : "";
        var paragraphs = Huge.Contains(i) ? 2_000 : 4;
        var body = string.Concat(Enumerable.Repeat($"Paragraph of story {i}, with <b>markup</b> & an ampersand, long enough to count for something.\n\n", paragraphs));
        return $"---\ndate: 2024-01-{1 + i:D2}T00:00:00Z\ncategories: [{(i % 2 == 0 ? "World" : "Science")}]\nauthor: Author {i % 3}\n{summary}---\n\n# {title}\n\n{body}";
    }

    [Fact]
    public async Task Publish_HugeArticles_EveryFeedFileWithinTheBudget()
    {
        await _publisher.PublishAsync(CancellationToken.None);

        var files = FeedFiles().ToList();
        // Main, two named, two categories, three authors, in three formats; four archive pages in two.
        Assert.True(files.Count == (8 * 3) + (4 * 2), string.Join("\n", files));
        foreach (var file in files)
        {
            var length = new FileInfo(_temp.Combine("feeds", file)).Length;
            Assert.True(length <= MaxBytes, $"{file}: {length} bytes, over {MaxBytes}");
            Assert.Equal(File.ReadAllBytes(_temp.Combine("feeds", file)), Gunzip(_temp.Combine("feeds", file + ".gz")));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("categories/world/")]
    [InlineData("categories/science/")]
    [InlineData("authors/author-2/")]
    [InlineData("world/")]
    [InlineData("briefs/")]
    public async Task Publish_HugeNewestArticle_FeedKeepsItsNewestItemsWithTheHugeOneShortened(string folder)
    {
        await _publisher.PublishAsync(CancellationToken.None);

        var expected = Enumerable.Range(0, Articles).Reverse().Where(i => folder switch
        {
            "categories/world/" or "world/" => i % 2 == 0,
            "categories/science/" => i % 2 == 1,
            "authors/author-2/" => i % 3 == 2,
            _ => true,
        }).Take(MaxItems).ToList();
        foreach (var format in new[] { "rss.xml", "atom.xml", "feed.json" })
        {
            var items = Items(folder + format);
            Assert.Equal(expected.Select(i => $"a{i:D2}"), items.Select(item => item.Id));
            foreach (var (item, i) in items.Zip(expected))
            {
                Assert.Equal(Huge.Contains(i) && folder != "briefs/", item.Content.Contains(ShortenedEntry.ReadMore, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Publish_HugeArticlesInArchivePages_EveryPageKeepsItsEntries()
    {
        await _publisher.PublishAsync(CancellationToken.None);

        for (var page = 1; page <= Articles / PageSize; page++)
        {
            foreach (var format in new[] { "rss.xml", "atom.xml" })
            {
                var items = Items($"archive/{page}/{format}");
                var numbers = Enumerable.Range((page - 1) * PageSize, PageSize).ToList();
                Assert.Equal(numbers.Select(i => $"a{i:D2}").Reverse(), items.Select(item => item.Id));
                Assert.Equal(numbers.Where(Huge.Contains).Select(i => $"a{i:D2}").Reverse(),
                    items.Where(item => item.Content.Contains(ShortenedEntry.ReadMore, StringComparison.Ordinal)).Select(item => item.Id));
            }
        }
    }

    [Fact]
    public async Task Publish_HugeTitleAndSummary_Bounded()
    {
        await _publisher.PublishAsync(CancellationToken.None);

        var main = Items("feed.json");
        var titled = main.Single(item => item.Id == $"a{HugeTitle:D2}");
        Assert.InRange(titled.Title.Length, 400, 500);
        Assert.EndsWith("…", titled.Title, StringComparison.Ordinal);
        var summarized = Items("archive/2/atom.xml").Single(item => item.Id == $"a{HugeSummary:D2}");
        Assert.InRange(summarized.Summary.Length, 200, 300);
    }

    [Fact]
    public async Task Publish_HugeArticle_WarnedOncePerFeedNamingTheArticle()
    {
        await _publisher.PublishAsync(CancellationToken.None);

        var warnings = _log.Warnings.Where(w => w.Contains("published shortened", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings, w => w.StartsWith("main feed: \"Story 23\" (a23)", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.StartsWith("archive/1: \"Story 0\" (a00)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("categories/science: \"Story 23\" (a23)", StringComparison.Ordinal) && w.EndsWith("(atom.xml, feed.json, rss.xml)", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Warnings, w => w.Contains("left out", StringComparison.Ordinal) || w.Contains("every entry shortened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_Twice_SameBytes()
    {
        await _publisher.PublishAsync(CancellationToken.None);
        var first = FeedFiles().ToDictionary(f => f, f => File.ReadAllBytes(_temp.Combine("feeds", f)));
        File.Delete(_temp.Combine("feeds", PublishState.PublishKeyFile));
        File.Delete(_temp.Combine("feeds", ".fp-feeds.json"));
        File.Delete(_temp.Combine("feeds", "archive", ".fingerprints.json"));

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.All(first, file => Assert.Equal(file.Value, File.ReadAllBytes(_temp.Combine("feeds", file.Key))));
        Assert.DoesNotContain(report.Files, f => f.Outcome == FileOutcome.Written && first.ContainsKey(f.RelativePath));
    }

    private IEnumerable<string> FeedFiles() =>
        Directory.EnumerateFiles(_temp.Combine("feeds"), "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_temp.Combine("feeds"), path).Replace('\\', '/'))
            .Where(path => path.EndsWith("rss.xml", StringComparison.Ordinal) || path.EndsWith("atom.xml", StringComparison.Ordinal) || path.EndsWith("feed.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static byte[] Gunzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>A feed file's items in order: the article's id (from its link), title, summary and content, in any format.</summary>
    private List<(string Id, string Title, string Summary, string Content)> Items(string file)
    {
        var path = _temp.Combine("feeds", file);
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(item => (
                IdOf(item.GetProperty("url").GetString()!), item.GetProperty("title").GetString()!, item.GetProperty("summary").GetString()!,
                (item.TryGetProperty("content_html", out var html) ? html : item.GetProperty("content_text")).GetString()!))];
        }

        XNamespace atom = "http://www.w3.org/2005/Atom", content = "http://purl.org/rss/1.0/modules/content/";
        var root = XDocument.Load(path).Root!;
        return root.Name == atom + "feed"
            ? [.. root.Elements(atom + "entry").Select(e => (
                IdOf(e.Elements(atom + "link").First(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value),
                e.Element(atom + "title")!.Value, e.Element(atom + "summary")!.Value, e.Element(atom + "content")?.Value ?? ""))]
            : [.. root.Element("channel")!.Elements("item").Select(e => (
                IdOf(e.Element("link")!.Value), e.Element("title")!.Value, e.Element("description")!.Value, e.Element(content + "encoded")?.Value ?? ""))];
    }

    private static string IdOf(string url) => url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..];
}
