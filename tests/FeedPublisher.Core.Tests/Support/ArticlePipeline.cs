using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>Bytes of a .txt article to an <see cref="Article"/>, as ingest does it, with fixed dates.</summary>
public static class ArticlePipeline
{
    public static readonly DateTimeOffset FixedDate = new(2018, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static Article ReadText(string relativePath, byte[] bytes, int summaryLength = Summarizer.DefaultMaxLength)
    {
        var decoded = ArticleTextDecoder.Decode(bytes);
        var source = new ArticleSource(relativePath, decoded.Text);
        var draft = new TextArticleReader().Read(source);
        var extractor = new ArticleExtractor(new Summarizer(summaryLength), new SourceFinder(OutletDirectory.BuiltIn));
        return extractor.Extract(source, draft, FixedDate, FixedDate);
    }
}
