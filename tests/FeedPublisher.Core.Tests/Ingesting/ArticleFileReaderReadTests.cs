using System.Diagnostics;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Ingesting;

/// <summary>
/// The read itself checks again what the walk decided (the folder may change in between): only a
/// regular file, really inside the folder, never waiting, never more than the limit.
/// </summary>
public sealed class ArticleFileReaderReadTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fp-read-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("fp-read-outside-").FullName;

    public void Dispose()
    {
        SpecialFiles.DeleteTree(_root);
        SpecialFiles.DeleteTree(_outside);
    }

    [SkippableFact]
    public async Task ReadArticleBytes_Fifo_IsRefusedAtOnce()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs as files are Linux's");
        var pipe = Path.Combine(_root, "pipe.txt");
        SpecialFiles.Fifo(pipe);
        var clock = Stopwatch.StartNew();

        // On a thread of its own, so that a read that blocks fails the test instead of hanging it.
        var read = Task.Run(() => Reader().ReadArticleBytes(pipe));

        Assert.True(await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))) == read, "the read of a FIFO is still waiting");
        var error = await Assert.ThrowsAsync<ArticleRejectedException>(() => read);
        Assert.Equal("it is a named pipe (FIFO), not a regular file", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [SkippableFact]
    public void ReadArticleBytes_LinkToACharacterDevice_IsRefusedEvenWhenLinksMayLeave()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/dev/zero is Linux's");
        var zero = Path.Combine(_root, "zero.txt");
        File.CreateSymbolicLink(zero, "/dev/zero");

        var error = Assert.Throws<ArticleRejectedException>(() => Reader(followLinksOutside: true).ReadArticleBytes(zero));

        Assert.Equal("it is a character device, not a regular file", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadArticleBytes_ThroughALinkedFolderOutside_IsReadOnlyWhenAllowed(bool followLinksOutside)
    {
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "root:x:0:0");
        Directory.CreateSymbolicLink(Path.Combine(_root, "world"), _outside);
        var path = Path.Combine(_root, "world", "secret.txt");

        if (followLinksOutside)
        {
            Assert.Equal("root:x:0:0"u8.ToArray(), Reader(followLinksOutside).ReadArticleBytes(path));
        }
        else
        {
            var error = Assert.Throws<ArticleRejectedException>(() => Reader(followLinksOutside).ReadArticleBytes(path));
            Assert.Contains(Path.Combine(_outside, "secret.txt"), error.Message, StringComparison.Ordinal);
            Assert.Contains("out of the articles folder", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadArticleBytes_LinkToAFileInside_IsRead()
    {
        File.WriteAllText(Path.Combine(_root, "story.txt"), "story");
        File.CreateSymbolicLink(Path.Combine(_root, "latest.txt"), "story.txt");

        Assert.Equal("story"u8.ToArray(), Reader().ReadArticleBytes(Path.Combine(_root, "latest.txt")));
    }

    [Fact]
    public void ReadArticleBytes_FileGone_SaysSo()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Reader().ReadArticleBytes(Path.Combine(_root, "gone.txt")));

        Assert.Equal("the file is gone", error.Message);
    }

    [Fact]
    public void ReadArticleBytes_OverTheLimit_IsRejectedUnread()
    {
        File.WriteAllBytes(Path.Combine(_root, "big.txt"), new byte[101]);

        var error = Assert.Throws<ArticleRejectedException>(() => Reader().ReadArticleBytes(Path.Combine(_root, "big.txt")));

        Assert.StartsWith("the file is 101 bytes, over the limit of 100", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ReadArticleBytes_NoReadPermission_IsRefusedUnlessRoot()
    {
        var locked = Path.Combine(_root, "locked.txt");
        File.WriteAllText(locked, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        if (SpecialFiles.IsRoot)
        {
            // Root reads it whatever its mode, as cat would: it is published.
            Assert.Equal("locked"u8.ToArray(), Reader().ReadArticleBytes(locked));
        }
        else
        {
            var error = Assert.Throws<UnauthorizedAccessException>(() => Reader().ReadArticleBytes(locked));
            Assert.StartsWith("the file cannot be read: ", error.Message, StringComparison.Ordinal);
        }
    }

    private ArticleFileReader Reader(bool followLinksOutside = false) =>
        new([new TextArticleReader()], new IngestSettings(_root, 100, followLinksOutside));
}
