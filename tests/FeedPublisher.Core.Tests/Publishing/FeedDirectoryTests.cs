using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Core.Tests.Publishing;

public sealed class FeedDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fp-feeds-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void WriteIfChanged_NewFile_IsWritten()
    {
        var directory = new FeedDirectory(_root);

        Assert.Equal(FileOutcome.Written, directory.WriteIfChanged("rss.xml", [1, 2, 3]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(_root, "rss.xml")));
    }

    [Fact]
    public void WriteIfChanged_SameBytes_LeavesFileAndMtimeAlone()
    {
        var directory = new FeedDirectory(_root);
        directory.WriteIfChanged("rss.xml", [1, 2, 3]);
        var path = Path.Combine(_root, "rss.xml");
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, past);

        Assert.Equal(FileOutcome.Unchanged, directory.WriteIfChanged("rss.xml", [1, 2, 3]));
        Assert.Equal(past, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void WriteIfChanged_DifferentBytes_ReplacesAndLeavesNoTemporaryFile()
    {
        var directory = new FeedDirectory(_root);
        directory.WriteIfChanged("categories/world/rss.xml", [1, 2, 3]);

        Assert.Equal(FileOutcome.Written, directory.WriteIfChanged("categories/world/rss.xml", [4, 5]));
        Assert.Equal([4, 5], File.ReadAllBytes(Path.Combine(_root, "categories/world/rss.xml")));
        Assert.Empty(Directory.EnumerateFiles(_root, FeedDirectory.TemporaryPrefix + "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../escape.xml")]
    [InlineData("a/../../escape.xml")]
    [InlineData("/etc/passwd")]
    public void WriteIfChanged_PathLeavingTheDirectory_IsRefused(string path)
    {
        Assert.Throws<ArgumentException>(() => new FeedDirectory(_root).WriteIfChanged(path, [1]));
    }
}
