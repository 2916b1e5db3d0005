using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;
using Xunit.Abstractions;

namespace FeedPublisher.Core.Tests.Fuzzing;

/// <summary>
/// Issue 14: mutated article files of every format (truncated, bit-flipped, spliced, nested
/// thousands deep, with hostile vectors and broken encodings inserted) go through the readers and
/// the extractor as ingest runs them, and what is read goes through every feed writer. Each file
/// is read or rejected with a reason within its processor-time budget; nothing else is thrown; the
/// feeds parse and carry nothing executable. Cases are deterministic (case n of seed s is always
/// the same file), so a failure names the seed and case that reproduce it. The run lasts
/// FEEDPUBLISHER_FUZZ_SECONDS (10 s; .ci/run sets 120) from FEEDPUBLISHER_FUZZ_SEED (14).
/// </summary>
public sealed class ArticleFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerFileBudget = MalformedArticles.PerFileBudget;

    private static readonly string[] VectorFiles = ["Sanitizer/xss-vectors.txt", "Sanitizer/text-lookalikes.txt"];

    private static readonly SiteInfo Site = new(ArticlePipeline.SiteRoot, "Fuzz", "Fuzzed articles", "en");

    [Fact]
    public void ReadAndRender_MutatedArticles_ReadOrRejectedWithinBudgetAndFeedsHarmless()
    {
        var seed = EnvironmentNumber("FEEDPUBLISHER_FUZZ_SEED") ?? 14;
        var seconds = EnvironmentNumber("FEEDPUBLISHER_FUZZ_SECONDS") ?? 10;
        var mutator = new ArticleMutator(Seeds(), Vectors());
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var failures = new List<string>();
        var batch = new List<Article>();
        var (cases, read, rejected, feeds) = (0, 0, 0, 0);

        for (var n = 0; DateTime.UtcNow < deadline && failures.Count < 20; n++)
        {
            var (name, bytes, how) = mutator.Case(seed, n);
            cases++;
            var cpuBefore = ThreadCpuTime.Now();
            try
            {
                batch.Add(ArticlePipeline.Read(name, bytes));
                read++;
            }
            catch (ArticleRejectedException e) when (e.Message.Trim().Length > 0)
            {
                rejected++;
            }
            catch (Exception e)
            {
                failures.Add($"case {n} ({Keep(seed, n, name, bytes)}, {how}): {e.GetType().Name}: {e.Message}\n{e.StackTrace?.Split('\n')[0]}");
            }

            if (ThreadCpuTime.Now() - cpuBefore is { } cpu && cpu > PerFileBudget)
            {
                failures.Add($"case {n} ({Keep(seed, n, name, bytes)}, {how}): {cpu.TotalMilliseconds:N0} ms of processor time");
            }

            if (batch.Count == 50)
            {
                failures.AddRange(ProblemsInFeeds(batch).Select(p => $"feed of cases up to {n}: {p}"));
                feeds++;
                batch.Clear();
            }
        }

        failures.AddRange(ProblemsInFeeds(batch));
        output.WriteLine($"seed {seed}: {cases:N0} cases in {seconds} s, {read:N0} read, {rejected:N0} rejected with a reason, {feeds + 1:N0} feed sets rendered, {failures.Count} failures");
        Assert.True(cases >= 100, $"only {cases} cases ran");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} failures (reproduce with FEEDPUBLISHER_FUZZ_SEED={seed}):\n{string.Join("\n", failures)}");
    }

    /// <summary>RSS, Atom and JSON Feed of the batch: each parses, and each field readers render as HTML is harmless.</summary>
    private static List<string> ProblemsInFeeds(List<Article> articles)
    {
        var feed = new FeedBuilder(Site).BuildMain([.. articles.DistinctBy(a => a.Id)]);
        var problems = new List<string>();
        try
        {
            var rss = XDocument.Parse(Encoding.UTF8.GetString(new RssFeedWriter().Render(feed)));
            var atom = XDocument.Parse(Encoding.UTF8.GetString(new AtomFeedWriter().Render(feed)));
            using var json = JsonDocument.Parse(new JsonFeedWriter().Render(feed));
            var html = rss.Descendants("description").Concat(rss.Descendants(FeedNamespaces.Content + "encoded")).Select(e => e.Value)
                .Concat(atom.Descendants().Where(e => (string?)e.Attribute("type") == "html").Select(e => e.Value))
                .Concat(json.RootElement.GetProperty("items").EnumerateArray()
                    .Select(item => item.TryGetProperty("content_html", out var content) ? content.GetString()! : ""));
            problems.AddRange(html.SelectMany(HarmlessHtml.Problems));
        }
        catch (Exception e) when (e is System.Xml.XmlException or JsonException or ArgumentException or InvalidOperationException)
        {
            problems.Add($"{e.GetType().Name}: {e.Message}");
        }

        return problems;
    }

    private static List<(string Name, byte[] Bytes)> Seeds()
    {
        var repository = Path.GetFullPath(Path.Combine(Golden.TestData, "..", "..", ".."));
        return [.. new[] { Path.Combine(repository, "articles"), Path.Combine(Golden.TestData, "Extraction") }
            .SelectMany(Directory.EnumerateFiles)
            .Where(path => !path.EndsWith(".golden.json", StringComparison.Ordinal) && Path.GetExtension(path) is ".txt" or ".md" or ".html" or ".json")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))];
    }

    private static List<string> Vectors() =>
        [.. VectorFiles.SelectMany(file => Golden.Read(file).Split('\n'))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))];

    /// <summary>A failing case's file, kept for whoever reproduces it.</summary>
    private static string Keep(int seed, int n, string name, byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "feedpublisher-fuzz", $"seed{seed}-case{n}{Path.GetExtension(name)}");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int? EnvironmentNumber(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}
