using System.Text.Json;
using System.Xml;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>Checks of a feed directory after publishes were killed: every file a reader can see must be whole.</summary>
public static class FeedDirectoryChecks
{
    /// <summary>Every file but the dotfiles (temporaries, journal, lock) parses to its end: XML, JSON, the index page.</summary>
    public static void AssertEveryFileComplete(string feeds)
    {
        foreach (var file in Directory.EnumerateFiles(feeds, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
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

    /// <summary>The files a publish stages before it moves them into place.</summary>
    public static IEnumerable<string> Staged(string feeds) =>
        Directory.Exists(feeds) ? Directory.EnumerateFiles(feeds, ".fp-tmp-*", SearchOption.AllDirectories) : [];
}
