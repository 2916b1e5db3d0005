using FeedPublisher.Core.Ingesting;

namespace FeedPublisher.Core.Tests.Ingesting;

/// <summary>The walk that every scheduled publish starts with: what it lists, in which order, with which stats.</summary>
public sealed class ArticleFolderWalkTests : IDisposable
{
    private static readonly DateTime Written = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    private readonly string _root = Directory.CreateTempSubdirectory("fp-walk-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Walk_NestedFolders_ListsSupportedFilesInPathOrderWithTheirStats()
    {
        Write("b.md", "12345");
        Write("a/z.txt", "1");
        Write("a/b/c.md", "12");
        Write("a-b.md", "123");
        Write("A.md", "1234");
        Write("notes.pdf", "not an article");

        var found = ArticleFolderWalk.Walk(_root, extension => extension is ".md" or ".txt").Files;

        Assert.Equal(["A.md", "a-b.md", "a/b/c.md", "a/z.txt", "b.md"], found.Select(f => f.RelativePath));
        Assert.All(found, f => Assert.Equal(Path.Combine(_root, f.RelativePath), f.FullPath));
        Assert.Equal([4L, 3, 2, 1, 5], found.Select(f => f.Length));
        Assert.All(found, f => Assert.Equal(new DateTimeOffset(Written), f.LastWriteTime));
    }

    [Fact]
    public void Walk_FoldersWhoseNamesSortOtherwiseThanTheirPaths_StillListsInPathOrder()
    {
        // "b" sorts before "b-c" and "b.d" as a name, after them as a path ("b/" > "b-", "b.").
        string[] paths = ["b/x.md", "b-c/x.md", "b.d/x.md", "b.md", "b0.md", "a.md", "b/a/y.md", "b-c/0.md", "c.md", "B/x.md", "é/x.md", "z.md",
            .. OperatingSystem.IsWindows() ? Array.Empty<string>() : ["a0/x.md", "a/z.md", "a\\b/x.md"]]; // "a\b" is a folder's name on Linux, not a path

        foreach (var path in paths)
        {
            Write(path, "x");
        }

        var found = ArticleFolderWalk.Walk(_root, extension => extension == ".md").Files;

        Assert.Equal(paths.Order(StringComparer.Ordinal), found.Select(f => f.RelativePath));
    }

    [SkippableFact]
    public void Walk_BackslashInAFileName_KeepsTheNameSoThePathNamesTheFile()
    {
        Skip.If(OperatingSystem.IsWindows(), "a backslash is the separator on Windows");
        Write("back\\slash.md", "x");

        var found = Assert.Single(ArticleFolderWalk.Walk(_root, extension => extension == ".md").Files);

        Assert.Equal("back\\slash.md", found.RelativePath);
        Assert.True(File.Exists(Path.Combine(_root, found.RelativePath)));
    }

    [Fact]
    public void Walk_DotfilesAndDotFolders_AreSkipped()
    {
        Write("kept.md", "x");
        Write(".hidden.md", "x");
        Write(".git/config.md", "x");
        Write("world/.swap.md", "x");

        var found = ArticleFolderWalk.Walk(_root, extension => extension == ".md").Files;

        Assert.Equal(["kept.md"], found.Select(f => f.RelativePath));
    }

    [Fact]
    public void Walk_LinksToFoldersOutsideWhenAllowed_AreFollowedButNotLinksWithinThem()
    {
        var outside = Directory.CreateTempSubdirectory("fp-walk-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "shared.md"), "x");
            Directory.CreateDirectory(Path.Combine(outside, "deeper"));
            File.WriteAllText(Path.Combine(outside, "deeper", "more.md"), "x");
            Directory.CreateSymbolicLink(Path.Combine(outside, "deeper", "up"), outside); // a loop out there
            Write("world/own.md", "x");
            Directory.CreateSymbolicLink(Path.Combine(_root, "shared"), outside);
            Directory.CreateSymbolicLink(Path.Combine(_root, "world", "also-shared"), outside);

            var found = ArticleFolderWalk.Walk(_root, extension => extension == ".md", followLinksOutside: true).Files;

            Assert.Equal(["shared/deeper/more.md", "shared/shared.md", "world/also-shared/deeper/more.md", "world/also-shared/shared.md", "world/own.md"],
                found.Select(f => f.RelativePath));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Walk_LinksToFoldersOutsideByDefault_AreRefusedWithTheirTarget()
    {
        var outside = Directory.CreateTempSubdirectory("fp-walk-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "shared.md"), "x");
            Write("world/own.md", "x");
            Directory.CreateSymbolicLink(Path.Combine(_root, "world", "shared"), outside);

            var walk = ArticleFolderWalk.Walk(_root, extension => extension == ".md");

            Assert.Equal(["world/own.md"], walk.Files.Select(f => f.RelativePath));
            var skip = Assert.Single(walk.Skipped);
            Assert.Equal("world/shared", skip.RelativePath);
            Assert.Contains($"leads out of the articles folder, to {outside}", skip.Reason, StringComparison.Ordinal);
            Assert.True(walk.Covers("world/shared/shared.md"));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Walk_LinksIntoTheFolderOrAboveIt_AreNotFollowed(bool followLinksOutside)
    {
        Write("world/story.md", "x");
        Directory.CreateSymbolicLink(Path.Combine(_root, "world", "loop"), Path.Combine(_root, "world"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "world", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root, "again"), Path.Combine(_root, "world"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "parent"), Path.GetDirectoryName(_root)!);

        var found = ArticleFolderWalk.Walk(_root, extension => extension == ".md", followLinksOutside).Files;

        Assert.Equal(["world/story.md"], found.Select(f => f.RelativePath));
    }

    [Fact]
    public void Walk_FolderGivenThroughALink_DoesNotFollowLinksBackToWhereItLeads()
    {
        Write("world/story.md", "x");
        Directory.CreateSymbolicLink(Path.Combine(_root, "world", "home"), _root);
        var given = _root + "-link";
        Directory.CreateSymbolicLink(given, _root);
        try
        {
            var found = ArticleFolderWalk.Walk(given, extension => extension == ".md").Files;

            Assert.Equal(["world/story.md"], found.Select(f => f.RelativePath));
            Assert.Equal(Path.Combine(given, "world", "story.md"), Assert.Single(found).FullPath);
        }
        finally
        {
            File.Delete(given);
        }
    }

    [Fact]
    public void Walk_MissingFolder_SaysWhich()
    {
        var missing = Path.Combine(_root, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ArticleFolderWalk.Walk(missing, _ => true));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, Written);
    }
}
