using System.Text.RegularExpressions;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Architecture;

/// <summary>
/// The Core's folders are layers (docs/architecture.md): data flows one way, so no folder may
/// use, directly or through others, one that uses it. Read from the sources, as a newcomer reads
/// them: a using directive or a qualified name "FeedPublisher.Core.X." is a use of X.
/// </summary>
public sealed partial class NamespaceLayersTests
{
    [Fact]
    public void CoreFolders_UseEachOtherWithoutACycle()
    {
        var uses = CoreUses();
        Assert.True(uses.Count >= 10, $"only {uses.Count} folders found");

        var cycles = uses.Keys.Select(start => PathBack(uses, start)).OfType<string>().Distinct().ToList();

        Assert.True(cycles.Count == 0, "cycles between the Core's folders:\n" + string.Join("\n", cycles));
    }

    [Theory]
    [InlineData("Model")]
    [InlineData("Text")]
    [InlineData("Diagnostics")]
    public void CoreFolders_BottomLayer_UsesNoOtherFolder(string folder) => Assert.Empty(CoreUses()[folder]);

    /// <summary>A way from <paramref name="start"/> back to itself, as "A -> B -> A", or null.</summary>
    private static string? PathBack(Dictionary<string, HashSet<string>> uses, string start)
    {
        var queue = new Queue<List<string>>([[start]]);
        var seen = new HashSet<string>();
        while (queue.TryDequeue(out var path))
        {
            foreach (var next in uses.GetValueOrDefault(path[^1]) ?? [])
            {
                if (next == start)
                {
                    return string.Join(" -> ", path.Append(start));
                }

                if (seen.Add(next))
                {
                    queue.Enqueue([.. path, next]);
                }
            }
        }

        return null;
    }

    private static Dictionary<string, HashSet<string>> CoreUses()
    {
        var core = Path.GetFullPath(Path.Combine(Golden.TestData, "..", "..", "..", "src", "FeedPublisher.Core"));
        var uses = new Dictionary<string, HashSet<string>>();
        foreach (var folder in Directory.EnumerateDirectories(core).Select(Path.GetFileName).OfType<string>().Where(f => f is not ("bin" or "obj")))
        {
            uses[folder] = [.. Directory.EnumerateFiles(Path.Combine(core, folder), "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => CoreName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                .Where(used => used != folder)];
        }

        return uses;
    }

    [GeneratedRegex(@"\bFeedPublisher\.Core\.([A-Z][A-Za-z]*)\b")]
    private static partial Regex CoreName();
}
