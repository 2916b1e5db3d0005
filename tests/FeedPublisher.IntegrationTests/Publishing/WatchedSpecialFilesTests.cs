using System.Diagnostics;
using System.ServiceModel.Syndication;
using System.Xml;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// The watcher's path (ingest told which files changed, no walk) applies the walk's rules: what a
/// walk would not read, it does not read either, and it says why.
/// </summary>
public sealed class WatchedSpecialFilesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _outside;
    private readonly ServiceProvider _services;
    private readonly FeedPublishingService _publisher;
    private readonly ChangedArticles _changes;

    public WatchedSpecialFilesTests()
    {
        _articles = _temp.CreateFolder("articles");
        _outside = _temp.CreateFolder("outside");
        _services = new ServiceCollection().AddLogging()
            .AddFeedPublisher(FeedPublisherSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Articles:Directory"] = _articles,
                ["Feeds:Directory"] = _temp.Combine("feeds"),
                ["Storage:ConnectionString"] = _temp.Combine("store.db"),
            }).Build()))
            .BuildServiceProvider();
        _publisher = _services.GetRequiredService<FeedPublishingService>();
        _changes = _services.GetRequiredService<ChangedArticles>();
        _changes.StartTracking();
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Publish_WatchedSpecialFiles_AreSkippedNamingEachAndTheGoodOnesPublished()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs and backslashes in names are Linux's");
        File.WriteAllText(Path.Combine(_articles, "first.txt"), "First Story\n\nThe first body.");
        await _publisher.PublishAsync(CancellationToken.None); // the walk at start

        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "root:x:0:0:root:/root:/bin/bash\n\nsecret");
        File.CreateSymbolicLink(Path.Combine(_articles, "passwd.txt"), Path.Combine(_outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(_articles, "dangling.txt"), "nowhere.txt");
        Run("mkfifo", Path.Combine(_articles, "pipe.txt"));
        File.WriteAllText(Path.Combine(_articles, "back\\slash.txt"), "Backslash Story\n\nIts body.");
        foreach (var path in (string[])["passwd.txt", "dangling.txt", "pipe.txt", "back\\slash.txt"])
        {
            _changes.Add(path);
        }

        var clock = Stopwatch.StartNew();
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal((4, 1, 3), (report.Ingest.Files, report.Ingest.Added, report.Ingest.Rejected));
        Assert.Equal(["dangling.txt", "passwd.txt", "pipe.txt"], report.Ingest.Problems.Select(p => Path.GetFileName(p.Path)).Order(StringComparer.Ordinal));
        Assert.Contains(report.Ingest.Problems, p => p.Path.EndsWith("pipe.txt", StringComparison.Ordinal) && p.Message.Contains("named pipe (FIFO)", StringComparison.Ordinal));
        Assert.Contains(report.Ingest.Problems, p => p.Path.EndsWith("passwd.txt", StringComparison.Ordinal) && p.Message.Contains("leads out of the articles folder", StringComparison.Ordinal));
        Assert.Equal(["Backslash Story", "First Story"], ReadAtom().Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_WatchedPathThroughALinkedFolderOutside_IsNotRead()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "root:x:0:0:root:/root:/bin/bash\n\nsecret");
        Directory.CreateSymbolicLink(Path.Combine(_articles, "shared"), _outside);
        await _publisher.PublishAsync(CancellationToken.None);

        _changes.Add("shared/secret.txt");
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, report.Ingest.Added);
        var problem = Assert.Single(report.Ingest.Problems);
        Assert.EndsWith("shared", problem.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:", File.ReadAllText(_temp.Combine("feeds", "atom.xml")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Publish_KnownFileReplacedByAFifo_KeepsItsLastVersionAndSaysWhy()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs as files are Linux's");
        var path = Path.Combine(_articles, "story.txt");
        File.WriteAllText(path, "A Story\n\nIts body.");
        await _publisher.PublishAsync(CancellationToken.None);

        File.Delete(path);
        Run("mkfifo", path);
        _changes.AddEverything();
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, report.Ingest.Removed);
        Assert.Contains("named pipe (FIFO)", Assert.Single(report.Ingest.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(["A Story"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private SyndicationFeed ReadAtom()
    {
        using var reader = XmlReader.Create(_temp.Combine("feeds", "atom.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }
}
