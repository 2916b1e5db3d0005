using System.Diagnostics;
using System.Globalization;
using FeedPublisher.IntegrationTests.Support;
using Xunit.Abstractions;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// Schedule:Clustered end to end: three <c>run</c> processes on one throwaway PostgreSQL database,
/// one articles folder and one feed directory. The node in the middle of writing a publish is
/// killed with kill -9; another must finish a publish within 15 s, and the feeds, the store and the
/// order of the publishes must come out as if nothing had happened.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class ClusterFailoverTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    /// <summary>Enough that a publish rewriting every feed takes a few seconds to write.</summary>
    private const int Articles = 1500;

    private const string NewArticleTitle = "Breaking: the cluster kept going";

    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(15);

    private readonly TempFolder _temp = new();
    private readonly List<ClusterNode> _nodes = [];
    private PostgresDatabase? _database;
    private ClusterNode? _victim;

    private string ArticlesFolder => _temp.Combine("articles");

    private string Feeds => _temp.Combine("feeds");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Run_ThreeNodesAndThePublishingOneKilled_AnotherFinishesWithin15sAndNothingIsLostOrDoubled()
    {
        _database = await server.CreateDatabaseAsync();
        XmlLint.SkipUnlessAvailable();
        FeedParser.SkipUnlessAvailable();
        Directory.CreateDirectory(ArticlesFolder);
        for (var i = 0; i < Articles; i++)
        {
            WriteArticle(i, edition: 0);
        }

        string[] common = ["--articles", ArticlesFolder, "--feeds", Feeds, "--base-url", "https://news.example.com/",
            "--Storage:Provider=Postgres", $"--Storage:ConnectionString={_database.ConnectionString}"];
        for (var n = 1; n <= 3; n++)
        {
            // All at once on an empty database: the schema and the triggers are created by whoever comes first.
            _nodes.Add(ClusterNode.Start($"node {n}", _temp.Path, [.. common, "--Schedule:Clustered=true", "--Schedule:Publish=*/2 * * * * ?", "--Serve:Enabled=false"]));
        }

        await WaitUntil(() => _nodes.Any(n => n.Log.Any(e => e.Message.StartsWith("Published in", StringComparison.Ordinal) && e.State.GetValueOrDefault("Articles") == $"{Articles}")),
            TimeSpan.FromSeconds(60), "the first publish of every article");

        // Edit every fifth article (so that every feed is rewritten) and add one: the next publish
        // has a write phase of a few seconds, and the kill lands inside it, once staged files show.
        var (killedAt, edition) = (default(DateTimeOffset), 0);
        while (_victim is null && edition < 4)
        {
            edition++;
            EditEveryFifthArticle(edition);
            if (edition == 1)
            {
                File.WriteAllText(Path.Combine(ArticlesFolder, "breaking.md"), $"---\nid: breaking\ntitle: \"{NewArticleTitle}\"\ndate: 2025-01-01T00:00:00Z\nauthor: Author 1\ncategories: [Topic 1]\n---\nAccording to Reuters, a node died and the feeds did not notice.\n");
            }

            (_victim, killedAt) = await KillThePublishingNodeWhileItWritesAsync();
        }

        var victim = _victim;
        Assert.True(victim is not null, $"no publish was caught writing its files in {edition} rounds of edits:\n{AllLogs()}");
        var survivors = _nodes.Where(n => n != victim).ToList();
        await WaitUntil(() => survivors.SelectMany(PublishRun.Of).Any(r => r.Start > killedAt && r.End is not null), TimeSpan.FromSeconds(30), "a survivor to finish a publish");
        var takeover = survivors.SelectMany(PublishRun.Of).Where(r => r.Start > killedAt).MinBy(r => r.Start)!;
        output.WriteLine($"{victim.Name} killed at {killedAt:HH:mm:ss.fff}; {takeover.Node} started a publish {(takeover.Start - killedAt).TotalSeconds:F1} s later"
            + $"{(takeover.TakingOver ? " (Quartz's recovery of the dead node's publish)" : "")} and finished it {(takeover.End!.Value - killedAt).TotalSeconds:F1} s after the kill");
        Assert.True(takeover.End - killedAt <= Takeover, $"the survivors took {(takeover.End!.Value - killedAt).TotalSeconds:F1} s to finish a publish after the kill:\n{AllLogs()}");

        // The others carry on: one more publish after the takeover, then a clean stop.
        await WaitUntil(() => survivors.SelectMany(PublishRun.Of).Any(r => r.Start > takeover.End && r.End is not null), TimeSpan.FromSeconds(30), "a publish after the takeover");
        foreach (var node in survivors)
        {
            Assert.Equal(0, await node.StopAsync(TimeSpan.FromSeconds(60)));
        }

        foreach (var published in _nodes.SelectMany(n => n.Log.Where(e => e.Message.StartsWith("Published in", StringComparison.Ordinal) && !e.Message.Contains("nothing changed", StringComparison.Ordinal)).Select(e => $"{n.Name}: {e.Message}")))
        {
            output.WriteLine(published);
        }

        AssertOnePublishAtATime(victim, killedAt);
        // The job as the cluster stores it: one at a time, and re-run when its node dies.
        Assert.Equal("true true", await _database.ScalarAsync("SELECT is_nonconcurrent || ' ' || requests_recovery FROM qrtz_job_details WHERE job_name = 'publish'"));
        await AssertFeedsWholeAndCurrentAsync(edition, common);
        await AssertStoreHoldsEveryFileOnceAsync();
    }

    /// <summary>
    /// Waits for a publish to stage files, then kills the node running it a moment later, somewhere
    /// in its write phase. Null when no publish was caught writing (it may have ended first).
    /// </summary>
    private async Task<(ClusterNode? Victim, DateTimeOffset KilledAt)> KillThePublishingNodeWhileItWritesAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (FeedDirectoryChecks.Staged(Feeds).Any() && Publishing() is { } publishing)
            {
                await Task.Delay(Random.Shared.Next(0, 100));
                if (Publishing() == publishing && FeedDirectoryChecks.Staged(Feeds).Any())
                {
                    var node = publishing.Node;
                    var killedAt = DateTimeOffset.UtcNow;
                    await node.KillAsync();
                    return (node, killedAt);
                }
            }

            await Task.Delay(5);
        }

        return (null, default);
    }

    /// <summary>The publish under way, and its node.</summary>
    private (ClusterNode Node, DateTimeOffset Start)? Publishing()
    {
        var publishing = _nodes.Where(n => !n.HasExited).Select(n => (Node: n, Runs: PublishRun.Of(n)))
            .Where(n => n.Runs is [.., { End: null }]).Select(n => (n.Node, n.Runs[^1].Start)).ToList();
        Assert.True(publishing.Count <= 1, $"{string.Join(" and ", publishing.Select(p => p.Node.Name))} were publishing at the same time:\n{AllLogs()}");
        return publishing.Count == 0 ? null : publishing[0];
    }

    private void AssertOnePublishAtATime(ClusterNode victim, DateTimeOffset killedAt)
    {
        var runs = _nodes.SelectMany(n => PublishRun.Of(n).Select(r => n == victim && r.End is null ? r with { End = killedAt } : r)).OrderBy(r => r.Start).ToList();
        output.WriteLine($"{runs.Count} publishes: {string.Join("; ", runs)}");
        Assert.All(runs, r => Assert.NotNull(r.End));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].Start >= runs[i - 1].End, $"publishes overlapped: {runs[i - 1]} and {runs[i]}");
        }

        Assert.True(runs.Select(r => r.Node).Distinct().Count() >= 2, $"one node did every publish: {string.Join("; ", runs)}");
        foreach (var node in _nodes)
        {
            // Quartz kept the turns: no node ever had to wait for another's lock on the feed directory.
            Assert.DoesNotContain(node.Log, e => e.Message.StartsWith("Another publish is running", StringComparison.Ordinal));
            Assert.DoesNotContain(node.Log, e => e.Message.StartsWith("Publish failed", StringComparison.Ordinal));
        }
    }

    private async Task AssertFeedsWholeAndCurrentAsync(int edition, string[] common)
    {
        Assert.Empty(FeedDirectoryChecks.Staged(Feeds));
        Assert.False(File.Exists(Path.Combine(Feeds, ".fp-staging", "journal.json")), "a publish journal was left behind");
        FeedDirectoryChecks.AssertEveryFileComplete(Feeds);
        foreach (var file in Directory.EnumerateFiles(Feeds, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".opml", StringComparison.Ordinal)))
        {
            var (exitCode, errors) = XmlLint.Check(file);
            Assert.True(exitCode == 0, $"xmllint {file}: {errors}");
        }

        var validate = await FeedPublisherCli.RunAsync(_temp.Path, ["validate", .. common]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        foreach (var main in new[] { "rss.xml", "atom.xml", "feed.json" })
        {
            var feed = FeedParser.Parse(Path.Combine(Feeds, main));
            Assert.True(feed.Bozo == 0, $"{main}: {feed.BozoException}");
            Assert.Single(feed.Entries, e => e.Title == NewArticleTitle);
            Assert.Equal(feed.Entries.Count, feed.Entries.Select(e => e.Id).Distinct().Count());
            // The newest articles include edited ones: each shows its last edit, none an earlier one.
            var edited = feed.Entries.Where(e => e.Title?.Contains("Edition", StringComparison.Ordinal) == true && !e.Title.EndsWith("Edition 0", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(edited);
            Assert.All(edited, e => Assert.EndsWith($"Edition {edition}", e.Title, StringComparison.Ordinal));
        }
    }

    private async Task AssertStoreHoldsEveryFileOnceAsync()
    {
        var stored = await _database!.ColumnAsync<string>("SELECT source_path || ' ' || file_length FROM articles");
        var files = Directory.EnumerateFiles(ArticlesFolder, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(ArticlesFolder, f).Replace('\\', '/')} {new FileInfo(f).Length}");
        // Same paths, each once, each at the length of its last edit.
        Assert.Equal(files.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    private void EditEveryFifthArticle(int edition)
    {
        for (var i = 0; i < Articles; i += 5)
        {
            WriteArticle(i, edition);
        }
    }

    private void WriteArticle(int i, int edition)
    {
        var date = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i).ToString("O", CultureInfo.InvariantCulture);
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 8).Select(p =>
            $"Paragraph {p} of article {i}, edition {edition}. According to Reuters, the council met on a rainy morning and the budget was read out in full, line by line, to a quiet room."));
        File.WriteAllText(Path.Combine(ArticlesFolder, $"a{i:D5}.md"), $"""
            ---
            title: "Article {i}, Edition {edition}"
            date: {date}
            author: Author {i % 20}
            categories: [Topic {i % 10}, Topic {(i + 3) % 10}]
            ---
            {paragraphs}

            A [link](https://www.example.org/story/{i}).
            """);
    }

    private string AllLogs() => string.Join("\n", _nodes.Select(n => $"--- {n.Name}\n{n.RawLog}"));

    private async Task WaitUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"waited {limit.TotalSeconds:F0} s for {what}:\n{AllLogs()}");
            Assert.True(_nodes.All(n => n == _victim || !n.HasExited), $"a node exited while waiting for {what}:\n{AllLogs()}");
            await Task.Delay(50);
        }
    }
}
