using FeedPublisher.Core.Building;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Validation;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Writing;

/// <summary>
/// The registry of feed formats is the only list of them: every other place that needs the formats
/// takes them from it, and each entry's parts fit together.
/// </summary>
public sealed class FeedFormatsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fp-formats-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> FileNames() => [.. FeedFormats.All.Select(f => f.FileName)];

    private static FeedFormat Format(string fileName) => FeedFormats.Named(fileName)!;

    /// <summary>
    /// The sample feed without its entry whose title reads as markup ("S&amp;P 500 &lt;rises&gt;"): the
    /// writers' tests prove it is escaped right; the rules flag such titles, as readers may show them as HTML.
    /// </summary>
    private static FeedDocument PlainFeed() => new FeedBuilder(SampleFeed.Site).BuildMain([.. SampleFeed.Articles.Where(a => !a.Title.Contains('<', StringComparison.Ordinal))]);

    [Fact]
    public void All_InOrder_RssAtomJsonFeed()
    {
        // The OPML list and the index page list the formats in this order: it is part of the output.
        Assert.Equal(["rss.xml", "atom.xml", "feed.json"], FeedFormats.All.Select(f => f.FileName));
        Assert.Equal(["RSS", "Atom", "JSON Feed"], FeedFormats.All.Select(f => f.Label));
    }

    [Fact]
    public void All_FileNamesAndLabelsAndMediaTypes_Distinct()
    {
        Assert.Equal(FeedFormats.All.Count, FeedFormats.All.Select(f => f.FileName).Distinct().Count());
        Assert.Equal(FeedFormats.All.Count, FeedFormats.All.Select(f => f.Label).Distinct().Count());
        Assert.Equal(FeedFormats.All.Count, FeedFormats.All.Select(f => f.MediaType).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Named_ItsFileName_TheFormatWhoseWriterWritesIt(string fileName)
    {
        Assert.Equal(fileName, Format(fileName).Writer.FileName);
    }

    [Fact]
    public void Named_NoFormatsFileName_Null() => Assert.Null(FeedFormats.Named(OpmlWriter.FileName));

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Rules_PlainFeedFromItsOwnWriter_NoProblems(string fileName)
    {
        var format = Format(fileName);
        var feed = PlainFeed();

        var problems = format.Rules.Check(format.Writer.Render(feed), feed.UrlOf(fileName).AbsoluteUri);

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Rules_AnotherFormatsFile_Problems(string fileName)
    {
        var format = Format(fileName);
        var feed = PlainFeed();

        foreach (var other in FeedFormats.All.Where(f => f != format))
        {
            Assert.NotEmpty(Problems(format, other.Writer.Render(feed), feed.UrlOf(fileName).AbsoluteUri));
        }
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void ValidateFile_FeedFileInAnArchiveFolder_CheckedByItsFormatsRules(string fileName)
    {
        // The validator chooses the rules by file name from the registry: an RSS file named atom.xml fails.
        var feed = PlainFeed() with { Folder = "archive/1" };
        var folder = Path.Combine(_root, "archive", "1");
        Directory.CreateDirectory(folder);
        var format = Format(fileName);
        var other = FeedFormats.All.First(f => f != format);
        var validator = new FeedValidator(SampleFeed.Site.BaseUrl);

        File.WriteAllBytes(Path.Combine(folder, fileName), format.Writer.Render(feed));
        var own = validator.ValidateFile(_root, $"archive/1/{fileName}").ToList();
        File.WriteAllBytes(Path.Combine(folder, fileName), other.Writer.Render(feed));
        var foreign = validator.ValidateFile(_root, $"archive/1/{fileName}").ToList();

        Assert.Empty(own);
        Assert.NotEmpty(foreign);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void ContentType_EveryFormat_ItsMediaTypeInUtf8(string fileName)
    {
        var format = Format(fileName);

        Assert.Equal($"{format.MediaType}; charset=utf-8", format.ContentType);
    }

    [Fact]
    public void ArchivePlanner_Writers_ExactlyTheFormatsWithArchives()
    {
        Assert.Equal(FeedFormats.All.Where(f => f.HasArchive).Select(f => f.Writer), ArchivePlanner.Writers);
        Assert.Equal(["rss.xml", "atom.xml"], ArchivePlanner.Writers.Select(w => w.FileName));
    }

    [Fact]
    public void OutputSettings_Formats_EveryFormatInOrder()
    {
        var site = new SiteInfo(new Uri("https://news.example.com/"), "Site", "Description", "en");
        var settings = new OutputSettings(ExtractionSettings.Create(site.Root, 300, new Dictionary<string, Uri>()), site, new PublishSettings(50), "test", "test");

        Assert.Equal(FeedFormats.All.Select(f => f.FileName), settings.Formats);
    }

    private static IReadOnlyList<string> Problems(FeedFormat format, byte[] file, string self)
    {
        try
        {
            return format.Rules.Check(file, self);
        }
        catch (Exception e) when (e is System.Xml.XmlException or System.Text.Json.JsonException)
        {
            return [e.Message];
        }
    }
}
