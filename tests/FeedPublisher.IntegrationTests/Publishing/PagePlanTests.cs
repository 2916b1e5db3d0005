using FeedPublisher.Core.Publishing;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// A running service places the article pages from what changed since its last publish (issue 15:
/// the store's change log, <see cref="Core.Storing.IArticleStore.GetPageChangesAsync"/>), not from
/// every article's page version. After each change the directory it leaves must be, byte for byte,
/// what a fresh process reading every page version leaves from the same directory and store.
/// </summary>
public sealed class PagePlanTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;
    private readonly ServiceProvider _services;
    private readonly FeedPublishingService _service;

    public PagePlanTests()
    {
        _articles = _temp.CreateFolder("articles");
        _feeds = _temp.Combine("feeds");
        (_services, _service) = Publisher(_feeds);
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Publish_ChangeAfterChange_ReadsTheChangesAloneAndWritesWhatAFullReadWould()
    {
        for (var i = 0; i < 30; i++)
        {
            Write($"filler/story-{i:D2}.md", $"Story {i}", $"2026-0{1 + (i % 6)}-1{i % 10}");
        }

        Write("world/budget.md", "World Budget", "2026-08-03");
        Write("business/budget.md", "Business Budget", "2026-08-20");
        Write("moving.md", "Moving Story", "2026-08-05");
        Write("own-url.md", "Own Url Story", "2026-08-06");
        var first = await _service.PublishAsync(CancellationToken.None);
        Assert.Equal(34, first.Pages!.Read);

        await StepAsync("an edit", () => Write("world/budget.md", "World Budget, Revised", "2026-08-03"));
        await StepAsync("the plain path's article deleted: the other keeps -2", () => File.Delete(Path.Combine(_articles, "business", "budget.md")));
        await StepAsync("a newcomer takes the freed plain path", () => Write("sports/budget.md", "Sports Budget", "2026-08-21"));
        await StepAsync("an article moved to another month", () => Write("moving.md", "Moving Story", "2026-09-05"));
        await StepAsync("an article given a URL of its own", () => Write("own-url.md", "Own Url Story", "2026-08-06", url: "https://elsewhere.example.org/story"));
        await StepAsync("one moved into a month where its name is taken", () => Write("filler/story-03.md", "Story 3", "2026-08-01", id: "filler/budget"));
        await StepAsync("nothing but a touch", () => File.SetLastWriteTimeUtc(Path.Combine(_articles, "moving.md"), DateTime.UtcNow));
        // Found by a review: the earlier article took the next path, where a full read frees the later one's first.
        Write("a/budget.md", "A Budget", "2026-07-03");
        Write("b/budget.md", "B Budget", "2026-10-03");
        await _service.PublishAsync(CancellationToken.None);
        await StepAsync("two moved together, one into the month the other leaves", () =>
        {
            Write("a/budget.md", "A Budget", "2026-10-04");
            Write("b/budget.md", "B Budget", "2026-11-03");
        });
    }

    /// <summary>One change: the service publishes it reading the changes alone; a fresh process publishes a copy of the directory as it was, reading everything.</summary>
    private async Task StepAsync(string what, Action change)
    {
        var before = _temp.Combine($"before-{Guid.NewGuid():N}");
        Copy(_feeds, before);
        change();

        var report = await _service.PublishAsync(CancellationToken.None);

        Assert.True(report.Pages is null || report.Pages.Read <= 3, $"{what}: {report.Pages?.Read} page versions read");
        var (services, fresh) = Publisher(before);
        using (services)
        {
            var full = await fresh.PublishAsync(CancellationToken.None);
            Assert.True(full.Pages is null || full.Pages.Read >= 33, $"{what}: the fresh process read {full.Pages?.Read}");
        }

        var (ours, theirs) = (Files(_feeds), Files(before));
        Assert.Equal(theirs.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in theirs)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(ours[path]), $"{what}: {path} differs from what reading every page gives");
        }
    }

    private (ServiceProvider Services, FeedPublishingService Publisher) Publisher(string feeds) =>
        InProcessPublisher.Create(_articles, feeds, _temp.Combine("store.db"));

    private void Write(string relativePath, string title, string date, string? url = null, string? id = null)
    {
        var path = Path.Combine(_articles, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var extra = (url is null ? "" : $"url: {url}\n") + (id is null ? "" : $"id: {id}\n");
        File.WriteAllText(path, $"---\ntitle: {title}\ndate: {date}T09:00:00Z\n{extra}---\n\nAccording to Reuters, {title} happened.\n");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != PublishState.LockFile))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != PublishState.LockFile)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);
}
