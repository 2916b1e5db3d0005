using FeedPublisher.Core.Building;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Building;

public sealed class ShortenedEntryTests
{
    [Fact]
    public void Html_SummaryWithMarkup_EscapedAndLinkedToTheArticle()
    {
        var html = ShortenedEntry.Html("Stocks rose 1.2% & bonds < 4% <script>", new Uri("https://news.example.com/a?b=1&c=\"2\""));

        Assert.Equal(
            "<p>Stocks rose 1.2% &amp; bonds &lt; 4% &lt;script&gt;</p>\n<p><a href=\"https://news.example.com/a?b=1&amp;c=%222%22\">Read the full article</a></p>\n",
            html);
    }

    [Fact]
    public void Of_EntryWithContent_KeepsEverythingButTheContent()
    {
        var entry = SampleFeed.MainFeed().Entries[0];

        var shortened = ShortenedEntry.Of(entry);

        Assert.Equal(entry with { ContentHtml = ShortenedEntry.Html(entry.Article.Summary, entry.Link) }, shortened);
    }

    [Fact]
    public void Of_SummariesOnlyEntry_Unchanged()
    {
        var entry = SampleFeed.MainFeed().Entries[0] with { ContentHtml = null };

        Assert.Same(entry, ShortenedEntry.Of(entry));
    }
}
