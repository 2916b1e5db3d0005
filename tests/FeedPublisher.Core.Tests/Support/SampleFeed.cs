using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>A fixed set of articles covering what writers must get right: markup in text, non-ASCII, sources, no sources, a picture and attachments.</summary>
public static class SampleFeed
{
    public static readonly SiteInfo Site = new(new Uri("https://news.example.com/"), "Example News", "Stories & sources", "en");

    public static IReadOnlyList<Article> Articles { get; } =
    [
        new Article
        {
            Id = "world/kim-dialogue",
            Title = "Kim Jong Un Says He is Open For Dialogue With Seoul",
            Path = "world/kim-dialogue",
            Published = new DateTimeOffset(2018, 1, 1, 9, 30, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2018, 1, 2, 10, 0, 0, TimeSpan.Zero),
            Summary = "In an article by CNBC, the North Korean leader has reiterated…",
            ContentHtml = "<p>In an article by CNBC, the North Korean leader has reiterated.</p>\n",
            Authors = ["Jane Doe"],
            Categories = ["World", "Korea"],
            Sources =
            [
                new SourceLink("CNBC", new Uri("https://www.cnbc.com/")),
                new SourceLink("Reuters", new Uri("https://www.reuters.com/")),
            ],
        },
        new Article
        {
            Id = "markets/s&p",
            Title = "S&P 500 <rises> as \"Fed\" holds — Zürich 😀",
            Path = "markets/s%26p",
            Published = new DateTimeOffset(2018, 1, 3, 12, 0, 0, TimeSpan.FromHours(2)),
            Updated = new DateTimeOffset(2018, 1, 3, 12, 0, 0, TimeSpan.FromHours(2)),
            Summary = "Stocks rose 1.2% & bonds < 4%.",
            ContentHtml = "<p>Stocks rose 1.2% &amp; bonds &lt; 4%.</p>\n",
            Url = new Uri("https://markets.example.org/2018/01/sp-rises"),
            Origin = new SourceLink("Associated Press", new Uri("https://apnews.com/")),
        },
        new Article
        {
            // A podcast episode: a picture and two files, the first with all that is known of it,
            // the second with only its URL and the type its extension says (issue 17).
            Id = "podcast/episode-12",
            Title = "Episode 12: Harbour sounds",
            Path = "podcast/episode-12",
            Published = new DateTimeOffset(2017, 12, 30, 6, 0, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2017, 12, 30, 6, 0, 0, TimeSpan.Zero),
            Summary = "Gulls, ropes & engines at dawn.",
            ContentHtml = "<p>Gulls, ropes &amp; engines at dawn.</p>\n",
            Image = new Uri("https://news.example.com/media/episode-12.jpg"),
            Attachments =
            [
                new MediaAttachment(new Uri("https://cdn.example.com/episode-12.mp3"), "audio/mpeg", 24_986_239, 1_830, "Episode 12 & notes"),
                new MediaAttachment(new Uri("https://cdn.example.com/episode-12.mp4"), "video/mp4"),
            ],
        },
    ];

    public static FeedDocument MainFeed() => new FeedBuilder(Site).BuildMain(Articles);
}
