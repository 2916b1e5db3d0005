using System.Diagnostics;
using System.Text;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>YAML that expands or nests without end is rejected at once, with its line and the limit.</summary>
public sealed class FrontMatterLimitsTests
{
    /// <summary>A "billion laughs": nine levels of nine aliases each, 9^9 values from a few hundred bytes.</summary>
    internal static string AliasBomb()
    {
        var yaml = new StringBuilder("title: Laughs\na: &a [x,x,x,x,x,x,x,x,x]\n");
        for (var level = 1; level < 9; level++)
        {
            var name = (char)('a' + level);
            yaml.Append($"{name}: &{name} [{string.Join(',', Enumerable.Repeat($"*{(char)(name - 1)}", 9))}]\n");
        }

        return $"---\n{yaml}---\nBody text.\n";
    }

    [Fact]
    public void Read_AliasBomb_RejectedQuicklyNamingTheLimit()
    {
        var stopwatch = Stopwatch.StartNew();

        var e = Assert.Throws<ArticleRejectedException>(() => FrontMatter.Read(AliasBomb()));

        Assert.Contains($"expands its aliases (*name) to more than {YamlFrontMatter.MaxNodes:N0} values", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("line ", e.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Read_FewAliases_ReadAsWritten()
    {
        var metadata = FrontMatter.Read("---\ntitle: &t Same\nsummary: *t\nauthors: &people [Ann, Bo]\ntags: *people\n---\nBody");

        Assert.Equal("Same", metadata.Summary);
        Assert.Equal(["Ann", "Bo"], metadata.Categories);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(40_000)]
    public void Read_DeepFlowLists_RejectedWithoutOverflowingTheStack(int depth)
    {
        var yaml = $"---\ntitle: Deep\nx: {new string('[', depth)}{new string(']', depth)}\n---\nBody";

        var e = Assert.Throws<ArticleRejectedException>(() => FrontMatter.Read(yaml));

        Assert.Equal($"line 3: the front matter nests lists and maps more than {YamlFrontMatter.MaxDepth} deep", e.Message);
    }

    [Fact]
    public void Read_DeepBlockMaps_Rejected()
    {
        var yaml = new StringBuilder("---\ntitle: Deep\n");
        for (var i = 0; i < 300; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }

        var e = Assert.Throws<ArticleRejectedException>(() => FrontMatter.Read(yaml.Append("---\nBody").ToString()));

        Assert.Contains($"more than {YamlFrontMatter.MaxDepth} deep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AliasesNestingDeeperThanWritten_Rejected()
    {
        var yaml = new StringBuilder("---\ntitle: Deep\n");
        yaml.Append("a0: &a0 x\n");
        for (var i = 1; i <= 40; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}]\n");
        }

        var e = Assert.Throws<ArticleRejectedException>(() => FrontMatter.Read(yaml.Append("---\nBody").ToString()));

        Assert.Contains("once its aliases (*name) are expanded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeyBuiltOfAliases_Rejected()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => FrontMatter.Read("---\ntitle: Key\na: &a [x, x]\n? [*a, *a]\n: value\n---\nBody"));

        Assert.Equal("line 4: the front matter has a key that is not a plain value (a list, a map or an alias)", e.Message);
    }

    [Fact]
    public void Read_TooManyValues_Rejected()
    {
        var yaml = $"---\ntitle: Many\ntags: &many [{string.Join(',', Enumerable.Repeat("t", YamlFrontMatter.MaxNodes))}]\n---\nBody";

        var e = Assert.Throws<ArticleRejectedException>(() => FrontMatter.Read(yaml));

        Assert.Contains($"more than {YamlFrontMatter.MaxNodes:N0} values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverlongFrontMatter_RejectedWithItsLength()
    {
        var yaml = $"---\ntitle: Long\nsummary: {new string('x', FrontMatter.MaxLength)}\n---\nBody";

        var e = Assert.Throws<ArticleRejectedException>(() => FrontMatter.Read(yaml));

        Assert.StartsWith("lines 2-3: the front matter is 100,0", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($" characters long, over the limit of {FrontMatter.MaxLength:N0}", e.Message, StringComparison.Ordinal);
    }
}
