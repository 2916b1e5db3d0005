using System.Text;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Extraction;

public sealed class ArticleTitleTests
{
    private static readonly string HugeTitle = string.Concat(Enumerable.Repeat("Council votes on the harbour plan ", 30_000));

    [Theory]
    [InlineData("huge.md", "# {0}\n\nBody text.\n", 30_000)]
    [InlineData("huge.html", "<html><head><title>{0}</title></head><body><article><p>Body text.</p></article></body></html>", 30_000)]
    [InlineData("front.txt", "---\ntitle: {0}\n---\nA title\n\nBody text.\n", 2_500)] // a front matter is at most 100,000 characters
    public void Read_HugeTitle_CutAtAWordWithAnEllipsis(string file, string format, int length)
    {
        var article = ArticlePipeline.Read(file, Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, HugeTitle[..(length * 34)])));

        Assert.InRange(article.Title.Length, ArticleExtractor.MaxTitleLength - 40, ArticleExtractor.MaxTitleLength);
        Assert.EndsWith("…", article.Title, StringComparison.Ordinal);
        var kept = article.Title[..^1];
        Assert.StartsWith(kept, HugeTitle, StringComparison.Ordinal);
        Assert.Equal(' ', HugeTitle[kept.Length]);
    }

    [Fact]
    public void Read_TitleOfMaxLength_KeptWhole()
    {
        var title = new string('a', ArticleExtractor.MaxTitleLength);

        Assert.Equal(title, ArticlePipeline.Read("long.md", Encoding.UTF8.GetBytes($"# {title}\n\nBody text.\n")).Title);
    }

    [Fact]
    public void Read_TextFileWithMegabyteFirstLine_RejectedAsNotATitle()
    {
        var problem = Assert.Throws<ArticleRejectedException>(() => ArticlePipeline.Read("huge.txt", Encoding.UTF8.GetBytes(HugeTitle + "\n\nBody text.\n")));

        Assert.Contains("which is not a title", problem.Message, StringComparison.Ordinal);
    }
}
