using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Core.Tests.Publishing;

/// <summary>Each record is read back as staged, and its bytes on disk are those earlier versions wrote (pinned here).</summary>
public sealed class PublishStateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fp-state-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Text(string relative) => File.ReadAllText(Path.Combine(_root, relative));

    private static Task Publish(FeedDirectory directory, Func<FeedStaging, PublishedFile> stage) =>
        directory.PublishAsync(staging =>
        {
            stage(staging);
            return Task.CompletedTask;
        });

    [Fact]
    public void ReadKey_NothingPublished_IsNull()
    {
        Assert.Null(new PublishState(new FeedDirectory(_root)).ReadKey());
    }

    [Fact]
    public async Task ReadKey_AfterStageKey_IsTheStagedKey()
    {
        var directory = new FeedDirectory(_root);
        var key = new PublishKey(7, "abc123");

        await Publish(directory, staging => PublishState.StageKey(staging, key));

        Assert.Equal(key, new PublishState(directory).ReadKey());
        Assert.Equal("7\nabc123\n", Text(".fp-published"));
    }

    [Fact]
    public async Task StageFeedFingerprints_FeedsInAnyOrder_AreWrittenInOrdinalOrderAndReadBack()
    {
        var directory = new FeedDirectory(_root);
        var fingerprints = new FeedFingerprints("shape", new Dictionary<string, string> { ["categories/b"] = "2", [""] = "0", ["categories/a"] = "1" });

        await Publish(directory, staging => PublishState.StageFeedFingerprints(staging, fingerprints));

        Assert.Equal("""{"Shape":"shape","Feeds":{"":"0","categories/a":"1","categories/b":"2"}}""", Text(".fp-feeds.json"));
        Assert.Equal(fingerprints.Feeds, new PublishState(directory).ReadFeedFingerprints("shape").Feeds);
    }

    [Fact]
    public async Task ReadFeedFingerprints_WrittenWithOtherSettings_IsEmpty()
    {
        var directory = new FeedDirectory(_root);
        await Publish(directory, staging => PublishState.StageFeedFingerprints(staging, new FeedFingerprints("old", new Dictionary<string, string> { [""] = "0" })));

        var read = new PublishState(directory).ReadFeedFingerprints("new");

        Assert.Equal("new", read.Shape);
        Assert.Empty(read.Feeds);
    }

    [Fact]
    public async Task StageArchiveFingerprints_Pages_AreWrittenInPageOrderAndReadBack()
    {
        var directory = new FeedDirectory(_root);
        var fingerprints = new Dictionary<string, string> { ["1"] = "50-1/0/2", ["2"] = "50-2/1/0" };

        await Publish(directory, staging => PublishState.StageArchiveFingerprints(staging, fingerprints));

        Assert.Equal("""{"1":"50-1/0/2","2":"50-2/1/0"}""", Text("archive/.fingerprints.json"));
        Assert.Equal(fingerprints, new PublishState(directory).ReadArchiveFingerprints());
    }

    [Fact]
    public void ReadArchiveFingerprints_NothingPublished_IsEmpty()
    {
        Assert.Empty(new PublishState(new FeedDirectory(_root)).ReadArchiveFingerprints());
    }
}
