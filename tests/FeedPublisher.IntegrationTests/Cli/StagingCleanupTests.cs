using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// The staged files of a publish killed with kill -9 go at the next start of any command that
/// publishes, before anything else can fail, not only at the next publish that gets as far.
/// </summary>
public sealed class StagingCleanupTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public StagingCleanupTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Publish_StoreCannotBeOpened_StillRemovesTheStagedFilesOfAKilledPublish()
    {
        var published = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"));
        Assert.True(published.ExitCode == 0, published.ToString());
        var planted = PlantLeftovers();

        // A folder where the store's file should be: the store cannot be opened, the publish fails.
        var failed = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.CreateFolder("not-a-store"));

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.All(planted, path => Assert.False(File.Exists(path), $"{path} is still there"));
        Assert.Contains("Removed 3 staged files of an interrupted publish", failed.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AtStart_RemovesTheStagedFilesOfAKilledPublishBeforeItsFirstPublish()
    {
        var published = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"));
        Assert.True(published.ExitCode == 0, published.ToString());
        var planted = PlantLeftovers();

        // The first publish finds nothing changed (the same store and feeds as the publish above),
        // and says "Published in" only at Debug: turned on here to see where the publish ended.
        await using var service = await RunningService.StartAsync(_temp.Path, "run", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"),
            "--Schedule:Publish=0 0 0 1 1 ? 2099", "--Schedule:WatchArticles=false", "--Logging:LogLevel:FeedPublisher.Core.Publishing.FeedPublishingService=Debug");

        Assert.All(planted, path => Assert.False(File.Exists(path), $"{path} is still there"));
        var log = service.Log;
        var removed = log.IndexOf("Removed 3 staged files of an interrupted publish", StringComparison.Ordinal);
        Assert.True(removed >= 0 && removed < log.IndexOf("Published in", StringComparison.Ordinal), log);
    }

    /// <summary>What kill -9 leaves while staging: two files in the staging folder, and one an older version left beside a feed.</summary>
    private List<string> PlantLeftovers()
    {
        var staging = Directory.CreateDirectory(Path.Combine(_feeds, ".fp-staging")).FullName;
        List<string> planted = [Path.Combine(staging, ".fp-tmp-1"), Path.Combine(staging, ".fp-tmp-2"), Path.Combine(_feeds, "categories", "science", ".fp-tmp-3")];
        planted.ForEach(path => File.WriteAllText(path, "<rss>half"));
        return planted;
    }
}
