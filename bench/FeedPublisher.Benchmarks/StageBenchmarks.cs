using System.Text;
using BenchmarkDotNet.Attributes;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Benchmarks;

/// <summary>
/// The hot stages of a publish, each on one realistic input: reading a Markdown article (front
/// matter and a 4 KB body) and an HTML page, sanitizing a body, summarizing, extracting a whole
/// article, and writing one feed of 50 items in each format.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private static readonly Uri Site = new("https://news.example.com/");

    private ArticleSource _markdown = null!;
    private ArticleSource _html = null!;
    private ArticleDraft _draft = null!;
    private string _bodyHtml = null!;
    private IReadOnlyList<string> _paragraphs = null!;
    private ArticleExtractor _extractor = null!;
    private FeedDocument _feed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _markdown = new ArticleSource("a.md", MarkdownArticle(1));
        _html = new ArticleSource("page.html", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "page.html")));
        _draft = new MarkdownArticleReader().Read(_markdown);
        _bodyHtml = _draft.BodyHtml!;
        _paragraphs = SanitizedBody.Of(HtmlDocuments.Parse(_bodyHtml), Site).Text.Paragraphs;
        var outlets = OutletDirectory.BuiltIn;
        _extractor = new ArticleExtractor(new Summarizer(300), new SourceCollector(outlets, new SourceFinder(outlets)), outlets, Site);
        var articles = Enumerable.Range(0, 50)
            .Select(i => _extractor.Extract(new MarkdownArticleReader().Read(new ArticleSource($"a{i}.md", MarkdownArticle(i))), $"a{i}", DateTimeOffset.UnixEpoch.AddDays(i), null))
            .ToList();
        _feed = new FeedBuilder(new SiteInfo(Site, "Site", "Description", "en")).BuildMain(articles);
    }

    [Benchmark]
    public ArticleDraft ReadMarkdown() => new MarkdownArticleReader().Read(_markdown);

    [Benchmark]
    public ArticleDraft ReadHtml() => new HtmlArticleReader().Read(_html);

    [Benchmark]
    public string Sanitize() => HtmlSanitizer.Sanitize(_bodyHtml, Site);

    [Benchmark]
    public string Summarize() => new Summarizer(300).Summarize(_paragraphs);

    [Benchmark]
    public Article ExtractArticle() => _extractor.Extract(_draft, "a", DateTimeOffset.UnixEpoch, null);

    [Benchmark]
    public byte[] WriteRss() => new RssFeedWriter().Render(_feed);

    [Benchmark]
    public byte[] WriteAtom() => new AtomFeedWriter().Render(_feed);

    [Benchmark]
    public byte[] WriteJsonFeed() => new JsonFeedWriter().Render(_feed);

    /// <summary>An article shaped like bench/generate_corpus.py's: front matter, ~4 KB of paragraphs, links to other hosts.</summary>
    private static string MarkdownArticle(int seed)
    {
        var random = new Random(seed);
        string[] words = ["the", "minister", "said", "market", "report", "council", "according", "to", "Reuters", "health", "data", "plan", "new", "city"];
        var body = new StringBuilder();
        while (body.Length < 4000)
        {
            for (var s = 0; s < 5; s++)
            {
                var sentence = string.Join(' ', Enumerable.Range(0, random.Next(10, 25)).Select(_ => words[random.Next(words.Length)]));
                body.Append(char.ToUpperInvariant(sentence[0])).Append(sentence[1..]).Append(". ");
            }

            body.Append($"See [the story](https://www.bbc.com/news/{seed}-{body.Length}?utm_source=x).\n\n");
        }

        return $"---\ntitle: \"Article {seed} & More\"\ndate: 2024-01-01T00:00:00Z\nauthor: Ada Okafor\ncategories: [World, Science]\n---\n\n{body}";
    }
}
