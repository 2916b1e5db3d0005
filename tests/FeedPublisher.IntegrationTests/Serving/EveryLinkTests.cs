using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedPublisher.IntegrationTests.Support;
using Xunit.Abstractions;

namespace FeedPublisher.IntegrationTests.Serving;

/// <summary>
/// What a reader clicking around finds (issue 17): the real service publishes a corpus and serves
/// it, and a crawler starting at the index page follows every link on our site found in every
/// page, feed, archive page and the OPML list (item links, feed links, archive links, the logo
/// and icon, the pages' canonical and discovery links), expecting each to answer 200 with the
/// content type its kind calls for. Links to other sites are counted, not followed (no network here).
/// </summary>
public sealed class EveryLinkTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_FollowEveryLinkFromTheIndexPage_EachAnswers200WithItsContentType()
    {
        var articles = _temp.CreateFolder("articles");
        RepositoryPaths.CopySampleArticles(articles);
        var feeds = _temp.CreateFolder("feeds");
        // The site's own images live beside the feeds; the publisher leaves files it did not write alone.
        File.WriteAllBytes(Path.Combine(feeds, "logo.png"), Png);
        await using var service = await RunningService.StartAsync(_temp.Path, "run", "--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db"),
            "--Schedule:WatchArticles=false", "--Feeds:ArchivePageSize=2", "--Site:Image=logo.png", "--Site:Icon=logo.png");

        var queue = new Queue<Uri>([service.BaseUrl]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { service.BaseUrl.AbsoluteUri };
        var (followed, external) = (0, new HashSet<string>(StringComparer.Ordinal));
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var url))
        {
            using var response = await service.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var kind = KindOf(url);
            Assert.True(ExpectedType(kind) == type, $"{url}: {type}, expected {ExpectedType(kind)}");
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            followed++;
            foreach (var link in LinksIn(kind, await response.Content.ReadAsStringAsync(), url))
            {
                var target = new Uri(url, link);
                var absolute = new UriBuilder(target) { Fragment = "" }.Uri.AbsoluteUri;
                if (!absolute.StartsWith(service.BaseUrl.AbsoluteUri, StringComparison.Ordinal))
                {
                    external.Add(absolute);
                }
                else if (seen.Add(absolute))
                {
                    queue.Enqueue(new Uri(absolute));
                }
            }
        }

        output.WriteLine($"followed {followed} links on our site ({string.Join(", ", kinds.Select(k => $"{k.Value} {k.Key}"))}); {external.Count} to other sites, not followed");
        Assert.True(kinds.GetValueOrDefault("page") >= 5, "the article pages");
        Assert.True(kinds.GetValueOrDefault("rss") >= 5 && kinds.GetValueOrDefault("atom") >= 5 && kinds.GetValueOrDefault("json feed") >= 5, "every feed in every format");
        Assert.Contains(seen, u => u.Contains("/archive/", StringComparison.Ordinal));
        Assert.Equal(1, kinds.GetValueOrDefault("image"));
        Assert.Equal(1, kinds.GetValueOrDefault("opml"));

        // A page asked for without its final slash is sent to it, as static servers do.
        var page = seen.First(u => KindOf(new Uri(u)) == "page");
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var withoutSlash = await noRedirects.GetAsync(new Uri(page.TrimEnd('/')));
        Assert.Equal(HttpStatusCode.MovedPermanently, withoutSlash.StatusCode);
        Assert.Equal(new Uri(page).AbsolutePath, withoutSlash.Headers.Location?.OriginalString);
        // Asked for as "//2026/...", the answer must not send a browser to a host named "2026".
        using var doubled = await noRedirects.GetAsync(new Uri($"http://127.0.0.1:{service.BaseUrl.Port}/{new Uri(page).AbsolutePath.TrimEnd('/')}"));
        Assert.Equal(HttpStatusCode.MovedPermanently, doubled.StatusCode);
        Assert.Equal(new Uri(page).AbsolutePath, doubled.Headers.Location?.OriginalString);
    }

    /// <summary>The smallest valid PNG: one transparent pixel.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static string KindOf(Uri url) => url.AbsolutePath switch
    {
        var p when p.EndsWith("/rss.xml", StringComparison.Ordinal) => "rss",
        var p when p.EndsWith("/atom.xml", StringComparison.Ordinal) => "atom",
        var p when p.EndsWith("/feed.json", StringComparison.Ordinal) => "json feed",
        var p when p.EndsWith(".opml", StringComparison.Ordinal) => "opml",
        var p when p.EndsWith(".png", StringComparison.Ordinal) => "image",
        "/" or "/index.html" => "index",
        var p when p.EndsWith('/') => "page",
        _ => "other",
    };

    private static string ExpectedType(string kind) => kind switch
    {
        "rss" => "application/rss+xml",
        "atom" => "application/atom+xml",
        "json feed" => "application/feed+json",
        "opml" => "text/x-opml",
        "image" => "image/png",
        "index" or "page" => "text/html",
        _ => "(a kind this test knows)",
    };

    /// <summary>Every URL the file names where a reader or a browser would follow it.</summary>
    private static IEnumerable<string> LinksIn(string kind, string body, Uri url)
    {
        switch (kind)
        {
            case "index" or "page":
                var page = new HtmlParser().ParseDocument(body);
                return page.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
                    .Concat(page.QuerySelectorAll("img[src]").Select(e => e.GetAttribute("src")!))
                    .Where(href => href.StartsWith("http", StringComparison.Ordinal) || !href.Contains(':', StringComparison.Ordinal));
            case "rss" or "atom" or "opml":
                var xml = XDocument.Parse(body);
                // Element text that is a URL (RSS link, guid, image url, Atom icon, logo, id) and every URL attribute (href, url, xmlUrl, htmlUrl).
                return xml.Descendants().Where(e => !e.HasElements && IsHttp(e.Value)).Select(e => e.Value.Trim())
                    .Concat(xml.Descendants().Attributes().Where(a => IsHttp(a.Value)).Select(a => a.Value))
                    .Where(u => !u.StartsWith("http://www.w3.org/", StringComparison.Ordinal));
            case "json feed":
                using (var json = JsonDocument.Parse(body))
                {
                    return [.. StringsIn(json.RootElement).Where(IsHttp)];
                }

            default:
                return [];
        }
    }

    private static bool IsHttp(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && !text.Trim().Contains(' ', StringComparison.Ordinal);

    private static IEnumerable<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsIn).ToList(),
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name is not ("content_html" or "content_text" or "summary" or "title")).SelectMany(p => StringsIn(p.Value)).ToList(),
        _ => [],
    };
}
