using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Hostile;

/// <summary>
/// Every hostile vector in every input format and field, published by the real program, and every
/// output file read back the way readers read it: the XML and JSON parsed, each field that readers
/// render as HTML (RSS description and content:encoded, Atom text constructs by their type, JSON
/// Feed content_html, the index page) parsed by an HTML5 parser and searched for anything that
/// executes; and the text fields read through the Universal Feed Parser, which must give back
/// exactly what the article said.
/// </summary>
public sealed partial class HostileCorpusTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    [SkippableFact]
    public async Task Publish_EveryVectorInEveryFormatAndField_NothingExecutesAndTextReadsBackAsWritten()
    {
        FeedParser.SkipUnlessAvailable();
        Assert.True(HostileVectors.All.Count >= 300, $"{HostileVectors.All.Count} vectors");
        using var temp = new TempFolder();
        var expected = HostileCorpus.Write(temp.CreateFolder("articles"), HostileVectors.All);

        var result = await FeedPublisherCli.RunAsync(temp.Path, "publish", "--articles", "articles", "--feeds", "feeds", "--store", "state/fp.db",
            "--Feeds:MaxItems=10000", "--Feeds:MaxBytes=500000000", "--Feeds:ArchivePageSize=1000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        var feeds = temp.Combine("feeds");
        var problems = new List<string>();
        // What a static server serves: not the .gz twins (the same bytes) and not the publish's own dotfiles.
        foreach (var file in Directory.EnumerateFiles(feeds, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) && !Path.GetRelativePath(feeds, f).Split('/').Any(part => part.StartsWith('.'))))
        {
            problems.AddRange(ProblemsIn(file).Select(p => $"{Path.GetRelativePath(feeds, file)}: {p}"));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems, the first 30:\n{string.Join("\n", problems.Take(30))}");
        AssertTextReadsBackAsWritten(feeds, expected, result);
    }

    /// <summary>Every field that readers render as HTML, parsed as they parse it.</summary>
    private static IEnumerable<string> ProblemsIn(string file)
    {
        switch (Path.GetExtension(file))
        {
            case ".xml":
                var xml = XDocument.Load(file);
                var fields = xml.Root!.Name == "rss"
                    ? xml.Descendants("description").Concat(xml.Descendants(Content + "encoded"))
                    : xml.Descendants().Where(e => e.Name.Namespace == Atom && (string?)e.Attribute("type") is "html" or "xhtml");
                return fields.SelectMany(field => HarmlessHtml.ProblemsInFragment(field.Attribute("type")?.Value == "xhtml"
                    ? string.Concat(field.Nodes().Select(n => n.ToString())) : field.Value).Select(p => $"<{field.Name.LocalName}>: {p}"));
            case ".json":
                using (var json = JsonDocument.Parse(File.ReadAllText(file)))
                {
                    return json.RootElement.GetProperty("items").EnumerateArray()
                        .Where(item => item.TryGetProperty("content_html", out _))
                        .SelectMany(item => HarmlessHtml.ProblemsInFragment(item.GetProperty("content_html").GetString()!)).ToList();
                }

            case ".html":
                return HarmlessHtml.ProblemsInPage(File.ReadAllText(file), new Uri("http://127.0.0.1:8080/"), IsOwnHeadElement);
            default:
                return [];
        }
    }

    /// <summary>
    /// The own head of the index page and the article pages: charset, viewport, description, feed
    /// links, canonical, Open Graph, stylesheet, and the pages' JSON-LD, which browsers never run
    /// and which must be one whole JSON document (text that closed the script early would leave it cut).
    /// </summary>
    private static bool IsOwnHeadElement(AngleSharp.Dom.IElement element) => element.LocalName switch
    {
        "meta" => element.HasAttribute("charset") || element.GetAttribute("name") is "viewport" or "description" or "generator" or "twitter:card"
            || element.GetAttribute("property") is { } property && (property.StartsWith("og:", StringComparison.Ordinal) || property.StartsWith("article:", StringComparison.Ordinal)),
        "link" => element.GetAttribute("rel") is "alternate" or "icon" or "stylesheet" or "canonical",
        "style" => true,
        "script" => element.GetAttribute("type") == "application/ld+json" && IsJson(element.TextContent),
        _ => false,
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void AssertTextReadsBackAsWritten(string feeds, IReadOnlyList<HostileArticle> expected, CliResult result)
    {
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(feeds, "feed.json"))).RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(item => TagOf(item.GetProperty("title").GetString()!), item => item.Clone());
        var rss = Read(Path.Combine(feeds, "rss.xml"));
        var atom = Read(Path.Combine(feeds, "atom.xml"));
        var rssXml = XDocument.Load(Path.Combine(feeds, "rss.xml")).Descendants("item")
            .ToDictionary(item => TagOf(item.Element("title")!.Value), item => item);

        var missing = expected.Where(e => !json.ContainsKey(e.Tag)).Select(e => e.Tag).ToList();
        // A vector that swallows everything after it (an unclosed <textarea>) can leave a body with
        // no text: that article is refused, and the refusal is named in the output.
        Assert.True(missing.Count <= expected.Count / 20, $"{missing.Count} of {expected.Count} articles not published: {string.Join(", ", missing.Take(40))}");
        Assert.All(missing, tag => Assert.Contains(tag.Split('-')[0], result.AllOutput, StringComparison.Ordinal));
        Assert.DoesNotContain(expected.Where(e => e.UrlKeys), e => missing.Contains(e.Tag));

        var mismatches = new List<string>();
        foreach (var article in expected.Where(e => json.ContainsKey(e.Tag)))
        {
            var item = json[article.Tag];
            var (rssEntry, atomEntry, rssItem) = (rss[article.Tag], atom[article.Tag], rssXml[article.Tag]);
            var title = item.GetProperty("title").GetString()!;
            var summary = item.GetProperty("summary").GetString()!;
            Check(article, "title in JSON Feed", article.Title ?? title, title);
            Check(article, "title in Atom, as feedparser reads it", title, atomEntry.Title);
            // RSS cannot say a title is text: one that opens a tag is written as HTML showing the
            // text, and feedparser reads it as HTML. Read either way, it is the title.
            Check(article, "title in RSS, as feedparser reads it", title, rssEntry.TitleType == "text/html" ? HarmlessHtml.TextOf(rssEntry.Title ?? "") : rssEntry.Title);
            Check(article, "title in RSS, read as HTML", "", string.Join("; ", HarmlessHtml.ProblemsInFragment(rssEntry.Title ?? "")));

            Check(article, "summary in JSON Feed", article.Summary ?? summary, summary);
            Check(article, "summary in Atom, as feedparser reads it", summary, atomEntry.Summary);
            Check(article, "RSS description's text, as an HTML5 parser reads it", summary, HarmlessHtml.TextOf(rssItem.Element("description")!.Value));
            if (article.Author is { } author)
            {
                Check(article, "author in JSON Feed", author, item.GetProperty("authors")[0].GetProperty("name").GetString());
                Check(article, "author in Atom", author, atomEntry.Authors.Count > 0 ? atomEntry.Authors[0] : null);
                Check(article, "dc:creator in RSS", author, rssItem.Element(DublinCore + "creator")?.Value);
            }

            if (article.Category is { } category)
            {
                Check(article, "tag in JSON Feed", category, item.GetProperty("tags")[0].GetString());
                Check(article, "category in Atom", category, atomEntry.Tags.Count > 0 ? atomEntry.Tags[0] : null);
                Check(article, "category in RSS", category, rssItem.Element("category")?.Value);
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} fields do not read back as written, the first 30:\n{string.Join("\n", mismatches.Take(30))}");

        void Check(HostileArticle article, string field, string? want, string? got)
        {
            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                mismatches.Add($"{article.Tag} {field}: expected {JsonSerializer.Serialize(want)}, read {JsonSerializer.Serialize(got)}");
            }
        }
    }

    private static string TagOf(string title) => TagPattern().Match(title) is { Success: true } match ? match.Value : title;

    private static Dictionary<string, TextEntry> Read(string path) =>
        TextEntries.Parse(path).GroupBy(e => TagOf(e.Title ?? "")).ToDictionary(g => g.Key, g => g.First());

    [GeneratedRegex(@"^V\d{3}-[a-z0-9]+")]
    private static partial Regex TagPattern();
}
