using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Publishing;

public sealed class FeedRendererTests
{
    private static FeedDocument FeedOf(int count) =>
        new FeedBuilder(new SiteInfo(new Uri("https://news.example.com/"), "Site", "Description", "en")).BuildMain(
            Enumerable.Range(0, count).Select(i => new Article
            {
                Id = $"a{i:D3}",
                Title = $"Article {i}",
                Path = $"a{i:D3}",
                Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
                Updated = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
                Summary = "Summary.",
                ContentHtml = $"<p>{new string('x', 2000)}</p>",
            }).ToList());

    [Theory]
    [InlineData(typeof(RssFeedWriter))]
    [InlineData(typeof(AtomFeedWriter))]
    [InlineData(typeof(JsonFeedWriter))]
    public void Render_OverTheCap_DropsTheOldestItemsToFit(Type writerType)
    {
        var writer = (IFeedWriter)Activator.CreateInstance(writerType)!;
        var feed = FeedOf(50);

        var (bytes, items) = FeedRenderer.Render(writer, feed, maxBytes: 30_000);

        Assert.True(bytes.Length <= 30_000, $"{bytes.Length} bytes");
        Assert.InRange(items, 5, 49);
        Assert.True(writer.Render(feed with { Entries = feed.Entries.Take(items + 1).ToList() }).Length > 30_000, "one more item would still have fit");
        Assert.Contains("Article 49", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("Article 0<", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnderTheCap_KeepsEveryItem()
    {
        var (_, items) = FeedRenderer.Render(new RssFeedWriter(), FeedOf(5), maxBytes: 1_000_000);

        Assert.Equal(5, items);
    }
}
