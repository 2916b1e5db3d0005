using System.Text;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Publishing;

public sealed class FeedRendererTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<Type> Writers => [.. FeedFormats.All.Select(f => f.Writer.GetType())];

    /// <summary>Articles a000 (oldest) to a{count-1} (newest), each with a body of <paramref name="bodyChars"/>, except the huge ones.</summary>
    private static FeedDocument FeedOf(int count, int bodyChars = 2000, params int[] huge) =>
        new FeedBuilder(new SiteInfo(new Uri("https://news.example.com/"), "Site", "Description", "en")).BuildMain(
            Enumerable.Range(0, count).Select(i => new Article
            {
                Id = $"a{i:D3}",
                Title = $"Article {i}",
                Path = $"a{i:D3}",
                Published = Start.AddHours(i),
                Updated = Start.AddHours(i),
                Summary = $"Summary of {i} <&>.",
                ContentHtml = $"<p>{new string('x', huge.Contains(i) ? 500_000 : bodyChars)}</p>",
            }).ToList());

    private static IFeedWriter Create(Type writerType) => (IFeedWriter)Activator.CreateInstance(writerType)!;

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_UnderTheBudget_TheFeedAsItIs(Type writerType)
    {
        var writer = Create(writerType);
        var feed = FeedOf(5);

        var rendered = FeedRenderer.Render(writer, feed, maxBytes: 1_000_000);

        // The rendered bytes lie in the thread's buffer, which the next render fills again.
        var bytes = rendered.Bytes.ToArray();
        Assert.Equal(writer.Render(feed), bytes);
        Assert.Equal(5, rendered.Items);
        Assert.Empty(rendered.Shortened);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_OneHugeEntry_ShortensItAndKeepsEveryOther(Type writerType)
    {
        foreach (var position in new[] { 49, 25, 0 })
        {
            var writer = Create(writerType);
            var feed = FeedOf(50, huge: position);

            var rendered = FeedRenderer.Render(writer, feed, maxBytes: 200_000);

            Assert.True(rendered.Bytes.Length <= 200_000, $"{rendered.Bytes.Length} bytes with the huge one at {position}");
            Assert.Equal(50, rendered.Items);
            Assert.Equal($"a{position:D3}", Assert.Single(rendered.Shortened).Article.Id);
            var text = Encoding.UTF8.GetString(rendered.Bytes.Span);
            Assert.Contains(ShortenedEntry.ReadMore, text, StringComparison.Ordinal);
            Assert.Equal(49, CountOf(text, new string('x', 2000)));
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_ShortenedStillOverTheBudget_DropsTheOldest(Type writerType)
    {
        var writer = Create(writerType);
        var feed = FeedOf(50, huge: 49);

        var rendered = FeedRenderer.Render(writer, feed, maxBytes: 20_000);

        Assert.True(rendered.Bytes.Length <= 20_000, $"{rendered.Bytes.Length} bytes");
        Assert.InRange(rendered.Items, 5, 49);
        Assert.Equal(50 - rendered.Items, rendered.Dropped);
        var text = Encoding.UTF8.GetString(rendered.Bytes.Span);
        Assert.Contains("Article 49", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Article 0<", text, StringComparison.Ordinal);
        Assert.Contains(rendered.Shortened, e => e.Article.Id == "a049");
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_ManyLargeEntries_ShortensTheFewestTheOlderOnATie(Type writerType)
    {
        var writer = Create(writerType);
        var feed = FeedOf(20, bodyChars: 10_000);

        var rendered = FeedRenderer.Render(writer, feed, maxBytes: 150_000);

        Assert.True(rendered.Bytes.Length <= 150_000, $"{rendered.Bytes.Length} bytes");
        Assert.Equal(20, rendered.Items);
        var shortened = rendered.Shortened.Select(e => e.Article.Id).ToList();
        Assert.InRange(shortened.Count, 1, 19);
        // Equal entries: the oldest are shortened, the newest keep their content.
        Assert.Equal(Enumerable.Range(0, shortened.Count).Select(i => $"a{i:D3}").OrderDescending(), shortened);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_ArchivePage_ShortensButKeepsEveryEntry(Type writerType)
    {
        var writer = Create(writerType);
        var feed = FeedOf(50, huge: [0, 25, 49]) with { IsArchive = true };

        var rendered = FeedRenderer.Render(writer, feed, maxBytes: 120_000, keepEveryEntry: true);

        Assert.True(rendered.Bytes.Length <= 120_000, $"{rendered.Bytes.Length} bytes");
        Assert.Equal(50, rendered.Items);
        Assert.Equal(["a000", "a025", "a049"], rendered.Shortened.Select(e => e.Article.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_EntryTooLargeEvenShortened_LeftOutAndTheOthersKept(Type writerType)
    {
        var writer = Create(writerType);
        var feed = FeedOf(10);
        var sources = Enumerable.Range(0, 2000).Select(i => new SourceLink($"Outlet {i}", new Uri($"https://outlet{i}.example/"))).ToList();
        var crowded = feed.Entries[0] with { Article = feed.Entries[0].Article with { Sources = sources } };
        feed = feed with { Entries = [crowded, .. feed.Entries.Skip(1)] };

        var rendered = FeedRenderer.Render(writer, feed, maxBytes: 50_000);

        Assert.True(rendered.Bytes.Length <= 50_000, $"{rendered.Bytes.Length} bytes");
        Assert.Equal("a009", Assert.Single(rendered.LeftOut).Article.Id);
        Assert.Equal(9, rendered.Items);
        Assert.Equal(0, rendered.Dropped);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Render_SameFeedTwice_SameBytes(Type writerType)
    {
        var feed = FeedOf(30, huge: [3, 17]);

        Assert.Equal(FeedRenderer.Render(Create(writerType), feed, 100_000).Bytes.ToArray(), FeedRenderer.Render(Create(writerType), feed, 100_000).Bytes.ToArray());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
