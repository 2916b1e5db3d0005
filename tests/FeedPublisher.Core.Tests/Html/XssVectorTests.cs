using System.Text;
using System.Xml.Linq;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Html;

/// <summary>
/// Filter-evasion vectors (TestData/Sanitizer/xss-vectors.txt): none may leave a script-capable
/// element, an event handler, a style, or a javascript:/vbscript:/data: URL in the sanitized
/// HTML, nor in the HTML that a feed reader finds in our RSS and Atom.
/// </summary>
public sealed class XssVectorTests
{
    private static readonly Uri Base = new("https://news.example.com/world/story");

    public static IReadOnlyList<string> Vectors { get; } = Golden.Read("Sanitizer/xss-vectors.txt")
        .Split('\n')
        .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal)
            .Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\0", "\0", StringComparison.Ordinal))
        .ToList();

    public static TheoryData<int> VectorNumbers() => [.. Enumerable.Range(0, Vectors.Count)];

    [Fact]
    public void Vectors_AtLeastFifty()
    {
        Assert.True(Vectors.Count >= 50, $"{Vectors.Count} vectors");
    }

    [Theory]
    [MemberData(nameof(VectorNumbers))]
    public void Sanitize_Vector_LeavesNothingExecutable(int number)
    {
        AssertHarmless(Vectors[number], HtmlSanitizer.Sanitize(Vectors[number], Base));
    }

    [Fact]
    public void Feeds_EveryVectorAsArticleBody_ContentInRssAndAtomIsHarmless()
    {
        // A vector that swallows the rest of the body (an unclosed <textarea>, say) leaves no text:
        // that article is rejected, which is harmless too.
        var articles = Vectors.Select((vector, i) => TryRead(i, vector)).OfType<Article>().ToList();
        var feed = new FeedBuilder(new SiteInfo(Base, "Site", "Description", "en")).BuildMain(articles);

        var rss = XDocument.Parse(Encoding.UTF8.GetString(new RssFeedWriter().Render(feed)));
        var atom = XDocument.Parse(Encoding.UTF8.GetString(new AtomFeedWriter().Render(feed)));

        var contents = rss.Descendants(FeedNamespaces.Content + "encoded").Concat(atom.Descendants(FeedNamespaces.Atom + "content")).ToList();
        Assert.True(articles.Count > Vectors.Count / 2, $"only {articles.Count} of {Vectors.Count} vectors left an article");
        Assert.Equal(2 * articles.Count, contents.Count);
        foreach (var content in contents)
        {
            AssertHarmless("(in a feed)", content.Value);
        }
    }

    private static Article? TryRead(int number, string vector)
    {
        try
        {
            return ArticlePipeline.Read($"xss-{number}.json", Encoding.UTF8.GetBytes(
                $$"""{"title": "Vector {{number}}", "body_html": {{System.Text.Json.JsonSerializer.Serialize(vector + "<p>Text.</p>")}}}"""));
        }
        catch (ArticleRejectedException)
        {
            return null;
        }
    }

    private static void AssertHarmless(string vector, string html)
    {
        var problems = HarmlessHtml.Problems(html).ToList();
        Assert.True(problems.Count == 0, $"{string.Join(", ", problems)} survived {vector}: {html}");
    }
}
