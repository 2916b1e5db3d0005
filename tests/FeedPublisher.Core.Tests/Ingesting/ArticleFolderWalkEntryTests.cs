using System.Text;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Ingesting;

/// <summary>
/// Entries that are not plain article files (pipes, sockets, devices, links, names the system
/// cannot give back): none is read that should not be, and none is dropped without a word.
/// </summary>
public sealed class ArticleFolderWalkEntryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fp-walk-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("fp-walk-outside-").FullName;

    public void Dispose()
    {
        SpecialFiles.DeleteTree(_root);
        SpecialFiles.DeleteTree(_outside);
    }

    [SkippableFact]
    public void Walk_FifoSocketAndDevice_AreSkippedNamingTheirKind()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs and sockets as files are Linux's");
        Write("good.md", "x");
        SpecialFiles.Fifo(Path.Combine(_root, "pipe.md"));
        using var socket = SpecialFiles.Socket(Path.Combine(_root, "socket.md"));
        SpecialFiles.Fifo(Path.Combine(_root, "not-an-article"));
        File.CreateSymbolicLink(Path.Combine(_root, "zero.md"), "/dev/zero");

        var walk = Walk(followLinksOutside: true);

        Assert.Equal(["good.md"], walk.Files.Select(f => f.RelativePath));
        Assert.Equal(
            [("pipe.md", "it is a named pipe (FIFO), not a regular file"), ("socket.md", "it is a socket, not a regular file"),
                ("zero.md", "the link leads to a character device (/dev/zero), not a regular file")],
            walk.Skipped.Select(s => (s.RelativePath, s.Reason)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Walk_LinkToAFileOutside_IsReadOnlyWhenAllowed(bool followLinksOutside)
    {
        var secret = Path.Combine(_outside, "passwd");
        File.WriteAllText(secret, "root:x:0:0:root:/root:/bin/bash\n");
        File.SetLastWriteTimeUtc(secret, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        File.CreateSymbolicLink(Path.Combine(_root, "passwd.txt"), secret);

        var walk = Walk(followLinksOutside);

        if (followLinksOutside)
        {
            var found = Assert.Single(walk.Files);
            Assert.Equal(("passwd.txt", 32L, new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)), (found.RelativePath, found.Length, found.LastWriteTime));
            Assert.Empty(walk.Skipped);
        }
        else
        {
            Assert.Empty(walk.Files);
            var skip = Assert.Single(walk.Skipped);
            Assert.Equal("passwd.txt", skip.RelativePath);
            Assert.Contains($"leads out of the articles folder, to {secret}", skip.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Walk_LinkToAFileInside_IsReadWithItsTargetsStat()
    {
        Write("world/story.md", "12345");
        File.CreateSymbolicLink(Path.Combine(_root, "latest.md"), Path.Combine("world", "story.md"));

        var walk = Walk();

        Assert.Equal(["latest.md", "world/story.md"], walk.Files.Select(f => f.RelativePath));
        Assert.Equal(5, walk.Files[0].Length);
        Assert.Empty(walk.Skipped);
    }

    [Fact]
    public void Walk_LinkThatLeadsNowhere_IsReported()
    {
        Write("good.md", "x");
        File.CreateSymbolicLink(Path.Combine(_root, "dangling.md"), "gone.md");
        Directory.CreateSymbolicLink(Path.Combine(_root, "old-folder"), Path.Combine(_outside, "removed"));

        var walk = Walk(followLinksOutside: true);

        Assert.Equal(["good.md"], walk.Files.Select(f => f.RelativePath));
        Assert.Equal([("dangling.md", "the link leads nowhere (gone.md)"), ("old-folder", $"the link leads nowhere ({Path.Combine(_outside, "removed")})")],
            walk.Skipped.Select(s => (s.RelativePath, s.Reason)));
    }

    [SkippableFact]
    public void Walk_OddNames_AreListedByNamesThatOpenThem()
    {
        Skip.If(OperatingSystem.IsWindows(), "these names are Linux's");
        string[] names = ["back\\slash.md", "new\nline.md", "-dash.md", "a..b.md", "x..y/in.md", "tab\there.md", " space .md", "é.md", new string('l', 252) + ".md"];
        foreach (var name in names)
        {
            Write(name, "x");
        }

        var walk = Walk();

        Assert.Equal(names.Order(StringComparer.Ordinal), walk.Files.Select(f => f.RelativePath));
        Assert.All(walk.Files, f => Assert.Equal("x", File.ReadAllText(Path.Combine(_root, f.RelativePath))));
        Assert.Empty(walk.Skipped);
    }

    [SkippableFact]
    public void Walk_NameThatIsNotUtf8_IsReportedNotDropped()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "only Linux allows any bytes in a name");
        Write("good.md", "x");
        SpecialFiles.WithRawName(_root, [0xFF, .. Encoding.ASCII.GetBytes(".md")], "x");
        Directory.CreateDirectory(Path.Combine(_root, "folder"));
        SpecialFiles.WithRawName(Path.Combine(_root, "folder"), [(byte)'a', 0xC3, 0x28, .. Encoding.ASCII.GetBytes(".md")], "x");

        var walk = Walk();

        Assert.Equal(["good.md"], walk.Files.Select(f => f.RelativePath));
        Assert.Equal(2, walk.Skipped.Count);
        Assert.All(walk.Skipped, s => Assert.Contains("its name is not valid UTF-8", s.Reason, StringComparison.Ordinal));
        Assert.Equal(["folder/a\uFFFD(.md", "\uFFFD.md"], walk.Skipped.Select(s => s.RelativePath));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Walk_FolderThatCannotBeRead_IsReportedAndCoversItsFiles()
    {
        Skip.If(SpecialFiles.IsRoot || OperatingSystem.IsWindows(), "root reads every folder whatever its mode");
        Write("good.md", "x");
        Write("locked/story.md", "x");
        var locked = Path.Combine(_root, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var walk = Walk();

            Assert.Equal(["good.md"], walk.Files.Select(f => f.RelativePath));
            var skip = Assert.Single(walk.Skipped);
            Assert.Equal(("locked", true), (skip.RelativePath, skip.IsFolder));
            Assert.StartsWith("the folder cannot be read: ", skip.Reason, StringComparison.Ordinal);
            Assert.True(walk.Covers("locked/story.md"));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private FolderWalk Walk(bool followLinksOutside = false) =>
        ArticleFolderWalk.Walk(_root, extension => extension is ".md" or ".txt", followLinksOutside);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
