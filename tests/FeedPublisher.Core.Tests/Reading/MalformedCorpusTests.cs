using System.Diagnostics;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;
using Xunit.Abstractions;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>
/// Issue 14: no article file can hang or crash a publish. Every file of the malformed corpus is
/// read, or rejected with a reason (never another exception), within the per-file budget.
/// </summary>
public sealed class MalformedCorpusTests(ITestOutputHelper output)
{
    /// <summary>The first read of each format pays for the JIT, which is not the file's work.</summary>
    private static readonly Lazy<int> WarmUp = new(() =>
    {
        ArticlePipeline.Read("w.txt", "Title\n\nAccording to Reuters, a *body*.\n"u8.ToArray());
        ArticlePipeline.Read("w.md", "---\ntitle: &t T\nsummary: *t\n---\n# T\n\nA [link](https://x.example/) and *body*.\n"u8.ToArray());
        ArticlePipeline.Read("w.html", "<html><head><title>T</title></head><body><article><p>A body.</p></article></body></html>"u8.ToArray());
        ArticlePipeline.Read("w.json", "{\"title\": \"T\", \"body_html\": \"<p>A body.</p>\"}"u8.ToArray());
        return 0;
    });

    public static TheoryData<string> Names => new(MalformedArticles.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_MalformedFile_ReadOrRejectedWithReasonWithinBudget(string name)
    {
        var bytes = MalformedArticles.All[name];
        Assert.True(bytes.Length <= MalformedArticles.MaxBytes, $"{name} is {bytes.Length} bytes");
        WarmUp.Value.ToString();
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = ThreadCpuTime.Now();

        string outcome;
        try
        {
            var article = ArticlePipeline.Read(name, bytes);
            outcome = $"read: {article.Title}";
        }
        catch (ArticleRejectedException e)
        {
            outcome = $"rejected: {e.Message}";
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }

        var wall = stopwatch.Elapsed;
        var cpu = ThreadCpuTime.Now() - cpuBefore ?? wall;
        output.WriteLine($"{name}: {cpu.TotalMilliseconds:N0} ms of processor time, {wall.TotalMilliseconds:N0} ms wall, {outcome}");
        Assert.True(cpu < MalformedArticles.PerFileBudget, $"{name} took {cpu.TotalMilliseconds:N0} ms of processor time ({outcome})");
        Assert.True(wall < MalformedArticles.PerFileWallLimit, $"{name} took {wall.TotalMilliseconds:N0} ms ({outcome})");
    }
}
