using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>
/// Every feed in TestData/Import (RSS, Atom, JSON Feed 1.0 and 1.1, a WordPress export) read as
/// <c>import</c> reads it, item by item, and compared with its .golden.json: for each item its
/// identity, the GUID our feeds will publish for it, and the article extracted (or why it was
/// refused or withheld). The published GUID must be the source's, byte for byte.
/// </summary>
public sealed class FeedImportGoldenTests
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Cases() => [.. Files()];

    [Fact]
    public void Cases_EveryFormat()
    {
        var kinds = Files().Select(file => FeedDocuments.Detect(Golden.ReadBytes(Path.Combine("Import", file)))).ToHashSet();
        Assert.Equal(Enum.GetValues<FeedDocumentKind>().Cast<FeedDocumentKind?>().ToHashSet(), kinds);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_GoldenFeed_MatchesJson(string fileName)
    {
        var bytes = Golden.ReadBytes(Path.Combine("Import", fileName));
        var kind = FeedDocuments.Detect(bytes) ?? throw new InvalidOperationException($"{fileName} is not detected as a feed");
        var read = FeedDocuments.Read(bytes, kind);
        var items = new JsonArray();
        foreach (var item in read.Items)
        {
            var entry = new JsonObject { ["Item"] = item.Where };
            if (item.Draft is null)
            {
                entry["Refused"] = item.Refused;
            }
            else if (PublicationRules.Withheld(item.Draft.Metadata, ArticlePipeline.FixedDate) is { } reason)
            {
                entry["Withheld"] = reason;
            }
            else
            {
                try
                {
                    var id = ArticleIdentity.ForFeedGuid(item.Identity!);
                    var article = Extractor.Extract(item.Draft, id, ArticlePipeline.FixedDate, firstPublished: null);
                    entry["PublishedGuid"] = StableId.ForArticle(article.Id);
                    entry["Article"] = JsonNode.Parse(ArticleJson.Serialize(article));
                    Assert.Equal(item.Identity, StableId.ForArticle(article.Id));
                }
                catch (ArticleRejectedException e)
                {
                    entry["Refused"] = e.Message;
                }
            }

            items.Add(entry);
        }

        var actual = new JsonObject { ["Kind"] = kind.ToString(), ["Skipped"] = read.Skipped, ["Items"] = items };
        Golden.AssertMatches(Path.Combine("Import", fileName + ".golden.json"), actual.ToJsonString(Options) + "\n");
    }

    [Theory]
    [InlineData("{\"title\": \"One article\", \"body_text\": \"Hello.\"}")]
    [InlineData("<!DOCTYPE html><html><body><p>A page</p></body></html>")]
    [InlineData("<html><head><title>x</title></head></html>")]
    [InlineData("---\ntitle: Markdown\n---\nText")]
    [InlineData("{\"version\": \"1.0\", \"items\": []}")]
    [InlineData("<rss")]
    public void Detect_ArticleOrBrokenFile_IsNoFeed(string text)
    {
        Assert.Null(FeedDocuments.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("\uFEFF  <rss version=\"2.0\"><channel/></rss>", FeedDocumentKind.Rss)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", FeedDocumentKind.Atom)]
    [InlineData("<rss xmlns:wp=\"http://wordpress.org/export/1.1/\"><channel/></rss>", FeedDocumentKind.Wxr)]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", FeedDocumentKind.JsonFeed)]
    public void Detect_FeedByContent_NamesItsKind(string text, FeedDocumentKind expected)
    {
        Assert.Equal(expected, FeedDocuments.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Read_DocumentTypeDeclaration_RejectedWithoutExpandingEntities()
    {
        var billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss version="2.0"><channel><item><title>&c;</title><guid>x</guid><description>y</description></item></channel></rss>
            """;
        var bytes = Encoding.UTF8.GetBytes(billionLaughs);

        var kind = FeedDocuments.Detect(bytes);
        var e = Assert.Throws<ArticleRejectedException>(() => FeedDocuments.Read(bytes, kind!.Value));

        Assert.Equal(FeedDocumentKind.Rss, kind);
        Assert.Contains("DTD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExternalEntity_RejectedAndNothingFetched()
    {
        var bytes = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss version="2.0"><channel/></rss>""");

        Assert.Throws<ArticleRejectedException>(() => FeedDocuments.Read(bytes, FeedDocumentKind.Rss));
    }

    [Fact]
    public void Read_NestedDeeperThanLimit_Rejected()
    {
        var depth = FeedDocuments.MaxDepth + 5;
        var xml = "<rss version=\"2.0\"><channel><item><title>t</title><guid>g</guid><description>"
            + string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth))
            + "</description></item></channel></rss>";

        var e = Assert.Throws<ArticleRejectedException>(() => FeedDocuments.Read(Encoding.UTF8.GetBytes(xml), FeedDocumentKind.Rss));

        Assert.Contains("nested deeper", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreItemsThanLimit_Rejected()
    {
        var xml = "<rss version=\"2.0\"><channel>" + string.Concat(Enumerable.Repeat("<item/>", FeedDocuments.MaxItems + 1)) + "</channel></rss>";

        var e = Assert.Throws<ArticleRejectedException>(() => FeedDocuments.Read(Encoding.UTF8.GetBytes(xml), FeedDocumentKind.Rss));

        Assert.Contains(FeedDocuments.MaxItems.ToString("N0", CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedJsonFeed_RejectedWithLine()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => FeedDocuments.Read(Encoding.UTF8.GetBytes("{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [ {\"id\": }"), FeedDocumentKind.JsonFeed));

        Assert.StartsWith("line 2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonArticleReader_JsonFeedDocument_NotReadAsOneArticle()
    {
        // Ingest and import read such a document item by item before this reader sees it
        // (JsonFeedDocumentTests); were it handed over anyway, its items are not mixed into one article.
        var text = Golden.Read(Path.Combine("Import", "jsonfeed-1.1.json"));

        var e = Assert.Throws<ArticleRejectedException>(() => new JsonArticleReader().Read(new ArticleSource("feed.json", text)));

        Assert.Contains("JSON Feed document (many articles)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FileIdWithFeedGuidPrefix_Rejected()
    {
        var metadata = ArticleMetadata.Empty with { Id = ArticleIdentity.FeedGuidPrefix + "https://example.com/x" };

        Assert.Throws<ArticleRejectedException>(() => ArticleIdentity.Resolve(metadata, "x.md"));
    }

    [Fact]
    public void ForArticle_OrdinaryId_StillItsUrn()
    {
        Assert.Equal("urn:uuid:501915c4-87a2-5be2-92cc-9fe95273679b", StableId.ForArticle("000_f54e15e33b7f0285"));
        Assert.Equal("post-42@old.example.com", StableId.ForArticle(ArticleIdentity.ForFeedGuid("post-42@old.example.com")));
    }

    private static List<string> Files() =>
        [.. Directory.EnumerateFiles(Path.Combine(Golden.TestData, "Import"))
            .Where(f => !f.EndsWith(".golden.json", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static readonly ArticleExtractor Extractor = new(
        new Summarizer(Summarizer.DefaultMaxLength), new SourceCollector(OutletDirectory.BuiltIn, new SourceFinder(OutletDirectory.BuiltIn)), OutletDirectory.BuiltIn, ArticlePipeline.SiteRoot);
}
