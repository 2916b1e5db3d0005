using System.IO.Compression;
using System.Text.Json;
using System.Xml;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>Checks of a feed directory after publishes were killed: every file a reader can see must be whole.</summary>
public static class FeedDirectoryChecks
{
    /// <summary>Every file but the dotfiles and those in dot-folders (temporaries, the staging folder, journal, lock) parses to its end: XML, JSON, the index page and article pages.</summary>
    public static void AssertEveryFileComplete(string feeds)
    {
        foreach (var file in Directory.EnumerateFiles(feeds, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(feeds, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))))
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                if (file.EndsWith(".json", StringComparison.Ordinal))
                {
                    using var _ = JsonDocument.Parse(bytes);
                }
                else if (file.EndsWith(".xml", StringComparison.Ordinal) || file.EndsWith(".opml", StringComparison.Ordinal))
                {
                    using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                    while (reader.Read())
                    {
                    }
                }
                else if (file.EndsWith(".html", StringComparison.Ordinal))
                {
                    Assert.EndsWith("</html>\n", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                }
            }
            catch (Exception e) when (e is XmlException or JsonException)
            {
                Assert.Fail($"{file} is incomplete after a kill: {e.Message}");
            }
        }
    }

    /// <summary>
    /// The publisher's own records, complete files written atomically, that stay in the directory
    /// between publishes: the lock, the list of files, and what the feeds were published from.
    /// </summary>
    private static readonly string[] Bookkeeping = [".fp-lock", ".fp-manifest", ".fp-published", ".fp-feeds.json", ".fp-pages", "archive/.fingerprints.json"];

    private static readonly string[] FeedExtensions = [".xml", ".json", ".opml", ".html", ".gz"];

    /// <summary>
    /// What a static server running as another user (nginx as www-data) can reach: every folder
    /// and file below the feed directory but those inside a folder closed to others (0700). All of
    /// it must be feed files, each complete (a .gz decompresses to its end), or the publisher's
    /// records: no temporary file, no journal, no folder a publish was about to fill.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static List<string> VisibleToOthers(string feeds)
    {
        var visible = new List<string>();
        var folders = new Stack<string>([feeds]);
        while (folders.TryPop(out var folder))
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(feeds, entry.FullName);
                if (entry is DirectoryInfo && entry.LinkTarget is null)
                {
                    if ((entry.UnixFileMode & (UnixFileMode.OtherExecute | UnixFileMode.OtherRead)) != 0)
                    {
                        visible.Add(relative + "/");
                        folders.Push(entry.FullName);
                    }
                }
                else
                {
                    visible.Add(relative);
                }
            }
        }

        return visible;
    }

    /// <summary>See <see cref="VisibleToOthers"/>: nothing a static server could serve but complete feed files and the publisher's records.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void AssertNothingVisibleButCompleteFeeds(string feeds)
    {
        foreach (var path in VisibleToOthers(feeds))
        {
            if (path.EndsWith('/'))
            {
                Assert.False(path.Split('/').Any(s => s.StartsWith('.')), $"{path}: a dot-folder that others can read");
                continue;
            }

            if (Bookkeeping.Contains(path))
            {
                continue;
            }

            Assert.False(Path.GetFileName(path).StartsWith('.'), $"{path}: a dotfile a static server would serve");
            Assert.True(FeedExtensions.Contains(Path.GetExtension(path)), $"{path}: not a feed file");
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                try
                {
                    using var gzip = new GZipStream(File.OpenRead(Path.Combine(feeds, path)), CompressionMode.Decompress);
                    gzip.CopyTo(Stream.Null);
                }
                catch (InvalidDataException e)
                {
                    Assert.Fail($"{path} is incomplete after a kill: {e.Message}");
                }
            }
        }

        AssertEveryFileComplete(feeds);
    }

    /// <summary>The files a publish stages before it moves them into place.</summary>
    public static IEnumerable<string> Staged(string feeds) =>
        Directory.Exists(feeds) ? Directory.EnumerateFiles(feeds, ".fp-tmp-*", SearchOption.AllDirectories) : [];
}
