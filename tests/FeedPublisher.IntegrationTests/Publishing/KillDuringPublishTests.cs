using System.Diagnostics;
using System.Globalization;
using FeedPublisher.IntegrationTests.Support;
using Xunit.Abstractions;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// kill -9 at random moments of repeated publishes of a few thousand articles: after every kill,
/// every file in the feed directory must be complete and parse, and nothing a static server could
/// serve may be anything but a complete feed file (the staged files stay in the private staging
/// folder); the next publish must finish the job and leave a valid directory with no temporary
/// files. Every other kill waits for the write phase, and the test checks that it landed there.
/// </summary>
public sealed class KillDuringPublishTests(ITestOutputHelper output) : IDisposable
{
    private const int Articles = 3000;
    private const int Kills = 8;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Publish_KilledAtRandomMoments_LeavesOnlyCompleteFiles()
    {
        var articles = _temp.CreateFolder("articles");
        var feeds = _temp.Combine("feeds");
        string[] common = ["--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db"), "--Feeds:Gzip=true"];
        for (var i = 0; i < Articles; i++)
        {
            WriteArticle(articles, i, edition: 0);
        }

        var first = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. common]);
        Assert.True(first.ExitCode == 0, first.ToString());
        EditArticles(articles, edition: 0);
        var clock = Stopwatch.StartNew();
        var timed = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. common]);
        Assert.True(timed.ExitCode == 0, timed.ToString());
        var fullPublish = clock.Elapsed;

        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"a publish of {Articles} articles with every seventh edited took {fullPublish.TotalMilliseconds:F0} ms; random seed {seed}");
        var writePhaseKills = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            EditArticles(articles, kill);

            var leftovers = FeedDirectoryChecks.Staged(feeds).ToHashSet();
            using var process = FeedPublisherCli.Start(_temp.Path, ["publish", .. common]);
            var started = Stopwatch.StartNew();
            if (kill % 2 == 0)
            {
                // Every other kill waits for the write phase (a newly staged file), then strikes within it.
                while (!process.HasExited && started.Elapsed < TimeSpan.FromSeconds(30) && FeedDirectoryChecks.Staged(feeds).All(leftovers.Contains))
                {
                    await Task.Delay(1);
                }

                await Task.Delay(random.Next(0, 40));
            }
            else
            {
                await Task.Delay(random.Next(50, (int)Math.Max(200, fullPublish.TotalMilliseconds * 1.1)));
            }

            var delay = started.Elapsed;
            var killed = !process.HasExited;
            if (killed)
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
            // Staged files of this publish (not the last one's) or its journal: the kill struck while files were written or moved.
            var staged = FeedDirectoryChecks.Staged(feeds).Count(f => !leftovers.Contains(f));
            var journal = File.Exists(Path.Combine(feeds, ".fp-staging", "journal.json"));
            var inWritePhase = killed && (staged > 0 || journal);
            writePhaseKills += inWritePhase ? 1 : 0;
            output.WriteLine($"kill {kill}: after {delay.TotalMilliseconds:F0} ms, {(killed ? "killed" : "had already finished")}; "
                + $"{staged} staged files and {(journal ? "a" : "no")} journal left behind{(inWritePhase ? ", in the write phase" : "")}; "
                + $"{FeedDirectoryChecks.VisibleToOthers(feeds).Count(p => Path.GetFileName(p).StartsWith(".fp-tmp-", StringComparison.Ordinal))} of them visible to a static server");
            if (kill % 2 == 0)
            {
                Assert.True(inWritePhase, $"kill {kill} was meant to strike while files were written, but left no staged file or journal");
            }

            FeedDirectoryChecks.AssertNothingVisibleButCompleteFeeds(feeds);
        }

        output.WriteLine($"{writePhaseKills} of {Kills} kills struck in the write phase");

        var last = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. common]);
        Assert.True(last.ExitCode == 0, last.ToString());
        var validate = await FeedPublisherCli.RunAsync(_temp.Path, ["validate", .. common]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Empty(Directory.EnumerateFiles(feeds, ".fp-tmp-*", SearchOption.AllDirectories));
        FeedDirectoryChecks.AssertNothingVisibleButCompleteFeeds(feeds);
        Assert.Contains($"Edition {Kills + 1}", File.ReadAllText(Path.Combine(feeds, "rss.xml")), StringComparison.Ordinal);
    }

    /// <summary>Edits enough articles that every feed changes, so a kill can land while files are written.</summary>
    private static void EditArticles(string folder, int edition)
    {
        for (var i = 0; i < Articles; i += 7)
        {
            WriteArticle(folder, i, edition + 1);
        }
    }

    private static void WriteArticle(string folder, int i, int edition)
    {
        var date = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i).ToString("O", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(folder, $"a{i:D5}.md"), $"""
            ---
            title: "Article {i} & Edition {edition}"
            date: {date}
            author: Author {i % 20}
            categories: [Topic {i % 10}, Topic {(i + 3) % 10}]
            ---
            Paragraph one of article {i}, edition {edition}. According to Reuters, it is a test.

            Paragraph two with a [link](https://www.example.org/story/{i}?utm_source=x).
            """);
    }
}
