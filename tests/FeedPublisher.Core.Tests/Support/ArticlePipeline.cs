using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>An article file's bytes to an <see cref="Article"/>, as ingest does it, with fixed dates and site.</summary>
public static class ArticlePipeline
{
    public static readonly DateTimeOffset FixedDate = new(2018, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static readonly Uri SiteRoot = new("https://news.example.com/");

    private static readonly IArticleReader[] Readers = [new TextArticleReader(), new MarkdownArticleReader(), new HtmlArticleReader(), new JsonArticleReader()];

    public static Article Read(string relativePath, byte[] bytes, int summaryLength = Summarizer.DefaultMaxLength)
    {
        var reader = Readers.Single(r => r.Extensions.Contains(Path.GetExtension(relativePath)));
        var decoded = ArticleTextDecoder.Decode(bytes, sniffHtmlCharset: reader is HtmlArticleReader);
        var draft = reader.Read(new ArticleSource(relativePath, decoded.Text));
        var outlets = OutletDirectory.BuiltIn;
        var extractor = new ArticleExtractor(new Summarizer(summaryLength), new SourceCollector(outlets, new SourceFinder(outlets)), outlets, SiteRoot);
        return extractor.Extract(draft, ArticleIdentity.Resolve(draft.Metadata, relativePath), FixedDate, firstPublished: null);
    }
}
