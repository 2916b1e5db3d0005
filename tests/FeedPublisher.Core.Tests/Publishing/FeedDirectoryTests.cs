using System.IO.Compression;
using System.Runtime.Versioning;
using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Core.Tests.Publishing;

public sealed class FeedDirectoryTests : IDisposable
{
    private static readonly DateTime Past = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _root = Directory.CreateTempSubdirectory("fp-feeds-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string PathOf(string relative) => Path.Combine(_root, relative);

    private static FeedFile File(string path, params byte[] bytes) => new(path, bytes, Gzip: false);

    /// <summary>What a static server could serve: every file not under a dot-folder and not itself a dotfile.</summary>
    private List<string> VisibleFiles() => Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
        .Where(f => !f.Split('/').Any(segment => segment.StartsWith('.')))
        .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Publish_NewFiles_AreWritten()
    {
        var results = new FeedDirectory(_root).Publish([File("rss.xml", 1, 2, 3), File("categories/world/rss.xml", 4)]);

        Assert.All(results, r => Assert.Equal(FileOutcome.Written, r.Outcome));
        Assert.Equal([1, 2, 3], System.IO.File.ReadAllBytes(PathOf("rss.xml")));
        Assert.Equal([4], System.IO.File.ReadAllBytes(PathOf("categories/world/rss.xml")));
    }

    [Fact]
    public void Publish_SameBytes_LeavesFileAndMtimeAlone()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1, 2, 3)]);
        System.IO.File.SetLastWriteTimeUtc(PathOf("rss.xml"), Past);

        var result = Assert.Single(directory.Publish([File("rss.xml", 1, 2, 3)]));

        Assert.Equal(FileOutcome.Unchanged, result.Outcome);
        Assert.Equal(Past, System.IO.File.GetLastWriteTimeUtc(PathOf("rss.xml")));
    }

    [Fact]
    public void Publish_DifferentBytes_ReplacesAndLeavesNoTemporaryOrJournal()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1, 2, 3)]);

        directory.Publish([File("rss.xml", 4, 5)]);

        Assert.Equal([4, 5], System.IO.File.ReadAllBytes(PathOf("rss.xml")));
        Assert.Empty(Directory.EnumerateFiles(_root, PublishState.TemporaryPrefix + "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(_root, "*journal*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(299_999)]
    public void Publish_LargeFileOfTheSameLength_IsComparedToItsLastByte(int changedAt)
    {
        // Files are compared chunk by chunk: a difference in any chunk, the last included, counts.
        var directory = new FeedDirectory(_root);
        var old = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251)).ToArray();
        directory.Publish([File("rss.xml", old)]);
        System.IO.File.SetLastWriteTimeUtc(PathOf("rss.xml"), Past);
        var changed = old.ToArray();
        changed[changedAt] ^= 0xFF;

        Assert.Equal(FileOutcome.Unchanged, Assert.Single(directory.Publish([File("rss.xml", old.ToArray())])).Outcome);
        Assert.Equal(Past, System.IO.File.GetLastWriteTimeUtc(PathOf("rss.xml")));
        Assert.Equal(FileOutcome.Written, Assert.Single(directory.Publish([File("rss.xml", changed)])).Outcome);
        Assert.Equal(changed, System.IO.File.ReadAllBytes(PathOf("rss.xml")));
    }

    [Fact]
    public async Task PublishAsync_SameFilesNewBytesInBatches_KeepsTheManifestAndKeptFiles()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1), File("atom.xml", 2), File("archive/1/rss.xml", 3)]);
        var manifest = PathOf(PublishState.ManifestFile);
        System.IO.File.SetLastWriteTimeUtc(manifest, Past);
        System.IO.File.SetLastWriteTimeUtc(PathOf("archive/1/rss.xml"), Past);

        var results = new List<PublishedFile>();
        await directory.PublishAsync(async staging =>
        {
            results.Add(staging.Stage("rss.xml", [1, 9], gzip: false));
            await Task.Yield();
            results.AddRange(staging.Stage([File("atom.xml", 2), FeedFile.Keep("archive/1/rss.xml", gzip: false)]));
            // Staged, not yet in place: readers still see the old set.
            Assert.Equal([1], System.IO.File.ReadAllBytes(PathOf("rss.xml")));
        });

        Assert.Equal([1, 9], System.IO.File.ReadAllBytes(PathOf("rss.xml")));
        Assert.Equal([(FileOutcome.Written, 2L), (FileOutcome.Unchanged, 1L), (FileOutcome.Unchanged, 1L)], results.Select(r => (r.Outcome, r.Bytes)));
        Assert.Equal(Past, System.IO.File.GetLastWriteTimeUtc(manifest));
        Assert.Equal(Past, System.IO.File.GetLastWriteTimeUtc(PathOf("archive/1/rss.xml")));
        Assert.Equal("archive/1/rss.xml\natom.xml\nrss.xml", System.IO.File.ReadAllText(manifest));
    }

    [Fact]
    public void Publish_NewVersionWithinTheSameSecond_GetsALaterSecond()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1)]);
        var first = System.IO.File.GetLastWriteTimeUtc(PathOf("rss.xml"));

        directory.Publish([File("rss.xml", 2)]);

        var second = System.IO.File.GetLastWriteTimeUtc(PathOf("rss.xml"));
        Assert.True(second.Ticks / TimeSpan.TicksPerSecond > first.Ticks / TimeSpan.TicksPerSecond, $"{first:O} then {second:O}: Last-Modified would not change");
    }

    [Fact]
    public void Publish_FeedNoLongerPublished_IsRemovedWithItsEmptyFolder()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1), File("categories/gone/rss.xml", 2)]);

        directory.Publish([File("rss.xml", 1)]);

        Assert.False(Directory.Exists(PathOf("categories/gone")));
        Assert.False(Directory.Exists(PathOf("categories")));
        Assert.True(System.IO.File.Exists(PathOf("rss.xml")));
    }

    [Fact]
    public void Publish_FilesNotOurs_AreNeverRemoved()
    {
        System.IO.File.WriteAllText(PathOf("README.md"), "mine");

        new FeedDirectory(_root).Publish([File("rss.xml", 1)]);
        new FeedDirectory(_root).Publish([File("atom.xml", 1)]);

        Assert.True(System.IO.File.Exists(PathOf("README.md")));
        Assert.False(System.IO.File.Exists(PathOf("rss.xml")));
    }

    [Fact]
    public void Publish_Gzip_WritesADecompressibleSiblingOnlyWhenTheFileChanges()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([new FeedFile("rss.xml", [7, 8, 9], Gzip: true)]);
        System.IO.File.SetLastWriteTimeUtc(PathOf("rss.xml.gz"), Past);

        directory.Publish([new FeedFile("rss.xml", [7, 8, 9], Gzip: true)]);

        Assert.Equal(Past, System.IO.File.GetLastWriteTimeUtc(PathOf("rss.xml.gz")));
        using var gzip = new GZipStream(System.IO.File.OpenRead(PathOf("rss.xml.gz")), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        Assert.Equal([7, 8, 9], plain.ToArray());
    }

    [Fact]
    public void Publish_AfterAKillBetweenJournalAndMoves_FinishesTheInterruptedPublish()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1), File("old/rss.xml", 2)]);
        // What a publish killed right after writing its journal leaves behind, all of it in the staging folder.
        System.IO.File.WriteAllBytes(PathOf(".fp-staging/.fp-tmp-staged"), [9]);
        System.IO.File.WriteAllText(PathOf(".fp-staging/journal.json"),
            """{"Renames":[[".fp-staging/.fp-tmp-staged","rss.xml"]],"Removals":["old/rss.xml"],"Manifest":["rss.xml"]}""");

        var result = Assert.Single(directory.Publish([File("rss.xml", 9)]));

        Assert.Equal(FileOutcome.Unchanged, result.Outcome);
        Assert.Equal([9], System.IO.File.ReadAllBytes(PathOf("rss.xml")));
        Assert.False(System.IO.File.Exists(PathOf("old/rss.xml")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(PathOf(".fp-staging")));
    }

    [Fact]
    public async Task PublishAsync_UnlistedFiles_MovedIntoPlaceOutsideTheManifestAndRemovedWhenAsked()
    {
        var directory = new FeedDirectory(_root);
        await directory.PublishAsync(staging =>
        {
            staging.Stage("rss.xml", [1], gzip: false);
            staging.StageUnlisted("2026/08/story/index.html", [2], gzip: true);
            return Task.CompletedTask;
        });

        Assert.Equal(["2026/08/story/index.html", "2026/08/story/index.html.gz", "rss.xml"], VisibleFiles());
        Assert.Equal("rss.xml", System.IO.File.ReadAllText(PathOf(".fp-manifest")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(PathOf(".fp-staging")));

        await directory.PublishAsync(staging =>
        {
            staging.Stage("rss.xml", [1], gzip: false);
            staging.Remove("2026/08/story/index.html");
            staging.Remove("2026/08/story/index.html.gz");
            return Task.CompletedTask;
        });

        Assert.Equal(["rss.xml"], VisibleFiles());
        Assert.False(Directory.Exists(PathOf("2026")));
    }

    [Fact]
    public void Publish_AfterAKillWhileMovingTheTree_FinishesTheMoves()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1)]);
        // A publish killed while moving its tree: one page moved already, one still staged, its journal in place.
        Directory.CreateDirectory(PathOf(".fp-staging/tree"));
        System.IO.File.WriteAllBytes(PathOf(".fp-staging/tree/2026%2F08%2Flate%2Findex.html"), [7]);
        Directory.CreateDirectory(PathOf("2026/08/early"));
        System.IO.File.WriteAllBytes(PathOf("2026/08/early/index.html"), [6]);
        System.IO.File.WriteAllText(PathOf(".fp-staging/journal.json"), """{"Renames":[],"Removals":[],"Manifest":["rss.xml"],"Tree":true}""");

        directory.Recover();

        Assert.Equal([7], System.IO.File.ReadAllBytes(PathOf("2026/08/late/index.html")));
        Assert.Equal(["2026/08/early/index.html", "2026/08/late/index.html", "rss.xml"], VisibleFiles());
        Assert.Empty(Directory.EnumerateFileSystemEntries(PathOf(".fp-staging")));
    }

    [Fact]
    public void Publish_TreeFileNamingAPathOutside_IsRefusedAndNothingMoves()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1)]);
        Directory.CreateDirectory(PathOf(".fp-staging/tree"));
        System.IO.File.WriteAllBytes(PathOf(".fp-staging/tree/..%2F..%2Fescaped.html"), [7]);
        System.IO.File.WriteAllText(PathOf(".fp-staging/journal.json"), """{"Renames":[],"Removals":[],"Manifest":["rss.xml"],"Tree":true}""");

        Assert.Throws<ArgumentException>(() => directory.Recover());
        Assert.False(System.IO.File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "escaped.html")));
    }

    [Fact]
    public void Publish_AfterAKillOfAnOlderVersionBetweenJournalAndMoves_FinishesItsJournalBesideTheFeeds()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1), File("old/rss.xml", 2)]);
        // Versions before the staging folder staged beside the feeds and kept the journal in the directory itself.
        System.IO.File.WriteAllBytes(PathOf(".fp-tmp-staged"), [9]);
        System.IO.File.WriteAllText(PathOf(".fp-journal.json"),
            """{"Renames":[[".fp-tmp-staged","rss.xml"]],"Removals":["old/rss.xml"],"Manifest":["rss.xml"]}""");

        var result = Assert.Single(directory.Publish([File("rss.xml", 9)]));

        Assert.Equal(FileOutcome.Unchanged, result.Outcome);
        Assert.Equal([9], System.IO.File.ReadAllBytes(PathOf("rss.xml")));
        Assert.False(System.IO.File.Exists(PathOf("old/rss.xml")));
        Assert.False(System.IO.File.Exists(PathOf(".fp-journal.json")));
        Assert.Equal(["rss.xml"], VisibleFiles());
    }

    [Fact]
    public void Publish_StrayTemporaryFromAKillBeforeTheJournal_IsRemoved()
    {
        Directory.CreateDirectory(PathOf(".fp-staging"));
        System.IO.File.WriteAllBytes(PathOf(".fp-staging/.fp-tmp-half"), [1]);

        new FeedDirectory(_root).Publish([File("rss.xml", 1)]);

        Assert.Empty(Directory.EnumerateFileSystemEntries(PathOf(".fp-staging")));
    }

    [Fact]
    public void RecoverAtStart_TemporariesAnOlderVersionLeftBesideTheFeeds_AreRemoved()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1), File("categories/world/rss.xml", 2)]);
        System.IO.File.WriteAllBytes(PathOf(".fp-tmp-half"), [1]);
        System.IO.File.WriteAllBytes(PathOf("categories/world/.fp-tmp-half"), [1]);

        var recovery = directory.RecoverAtStart();

        Assert.Equal(2, recovery.RemovedFiles);
        Assert.Equal(["categories/world/rss.xml", "rss.xml"], VisibleFiles());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Publish_Staging_HappensInAPrivateFolderAndLeavesOutputReadableAsBefore()
    {
        var probe = PathOf("probe");
        System.IO.File.WriteAllBytes(probe, [0]);

        new FeedDirectory(_root).Publish([new FeedFile("rss.xml", [1], Gzip: true), File("categories/world/rss.xml", 2)]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, System.IO.File.GetUnixFileMode(PathOf(".fp-staging")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(PathOf(".fp-staging")));
        // Moved, not copied: the files keep the mode the umask gives any new file.
        Assert.All(VisibleFiles(), f => Assert.Equal(System.IO.File.GetUnixFileMode(probe), System.IO.File.GetUnixFileMode(PathOf(f))));
        Assert.Equal(["categories/world/rss.xml", "probe", "rss.xml", "rss.xml.gz"], VisibleFiles());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Publish_StagingFolderOpenToOthers_IsClosedAgain()
    {
        Directory.CreateDirectory(PathOf(".fp-staging"));
        System.IO.File.SetUnixFileMode(PathOf(".fp-staging"), (UnixFileMode)0b111_101_101);

        new FeedDirectory(_root).Publish([File("rss.xml", 1)]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, System.IO.File.GetUnixFileMode(PathOf(".fp-staging")));
    }

    [Fact]
    public async Task PublishAsync_FailsAfterABatch_RemovesWhatItStagedAndLeavesTheOldFeeds()
    {
        var directory = new FeedDirectory(_root);
        directory.Publish([File("rss.xml", 1), File("atom.xml", 2)]);
        var before = System.IO.File.GetLastWriteTimeUtc(PathOf("rss.xml"));

        // A publish that dies halfway through staging: one batch is staged, the next fails to render.
        await Assert.ThrowsAsync<InvalidOperationException>(() => directory.PublishAsync(staging =>
        {
            staging.Stage([File("rss.xml", 7), File("categories/new/rss.xml", 8)]);
            Assert.NotEmpty(Directory.EnumerateFiles(_root, ".fp-tmp-*", SearchOption.AllDirectories));
            throw new InvalidOperationException("render failed");
        }));

        Assert.Equal([1], System.IO.File.ReadAllBytes(PathOf("rss.xml")));
        Assert.Equal(before, System.IO.File.GetLastWriteTimeUtc(PathOf("rss.xml")));
        Assert.Empty(Directory.EnumerateFiles(_root, ".fp-tmp-*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(PathOf("categories")), "a folder for a feed that was never published");
    }

    [Theory]
    [InlineData("../escape.xml")]
    [InlineData("a/../../escape.xml")]
    [InlineData("/etc/passwd")]
    public void Publish_PathLeavingTheDirectory_IsRefused(string path)
    {
        Assert.Throws<ArgumentException>(() => new FeedDirectory(_root).Publish([File(path, 1)]));
    }
}
