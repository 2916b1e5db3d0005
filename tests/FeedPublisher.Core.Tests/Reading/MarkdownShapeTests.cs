using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>Markdown whose parse would not be linear is refused before Markdig starts; ordinary Markdown passes.</summary>
public sealed class MarkdownShapeTests
{
    [Fact]
    public void Check_EveryTestDataMarkdown_Passes()
    {
        var files = Directory.EnumerateFiles(Golden.TestData, "*.md", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            MarkdownShape.Check(File.ReadAllText(file));
        }
    }

    [Fact]
    public void Check_OrdinaryRichParagraphs_Pass() =>
        MarkdownShape.Check(MalformedArticles.Repeat("A *long* paragraph with [a link](https://x.example/a_b) and **bold** snake_case words.\n- item\n  - nested\n\n", 20_000));

    [Fact]
    public void Check_HundredLinksBeforeALongLine_RejectedWithTheParagraphLine()
    {
        var markdown = "# T\n\nintro\n\n" + MalformedArticles.Repeat("[a](", 100) + new string('x', 1_000_000);

        var e = Assert.Throws<ArticleRejectedException>(() => MarkdownShape.Check(markdown));

        Assert.StartsWith("line 5: the Markdown has too many links", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("- ")]
    [InlineData("  ")]
    public void Check_DeepContainers_RejectedWithTheLimit(string marker)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => MarkdownShape.Check("# T\n\n" + MalformedArticles.Repeat(marker, 200) + "x\n"));

        Assert.Contains($"more than {MarkdownShape.MaxIndent} spaces, tabs, '>' or list markers", e.Message, StringComparison.Ordinal);
    }
}
