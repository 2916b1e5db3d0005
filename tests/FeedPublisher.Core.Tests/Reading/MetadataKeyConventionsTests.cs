using System.Text;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>Issue 16: the keys other tools write, beyond the golden cases of each tool's style.</summary>
public sealed class MetadataKeyConventionsTests
{
    [Fact]
    public void Read_TaxonomyAsListsAndCommaSeparatedValues_ListNamesKeptWholeValuesSplit()
    {
        var article = Read("---\ntitle: T\ncategories: [\"Law, Order\"]\ntags: crime, courts\nkeywords: [Courts]\n---\nBody text.\n");

        Assert.Equal(["Law, Order", "crime", "courts"], article.Categories);
    }

    [Theory]
    [InlineData("published: false\npubDate: Tue, 05 May 2026 10:00:00 GMT")]
    [InlineData("publishDate: 2026-05-05T12:00:00+02:00")]
    [InlineData("date_published: 2026-05-05T10:00:00Z")]
    public void Read_PublishedUnderAnotherToolsKey_ThatDate(string keys) =>
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero), Read($"---\ntitle: T\n{keys}\n---\nBody text.\n").Published);

    [Fact]
    public void Read_JsonAuthorsAsObjects_TheirNames() =>
        Assert.Equal(["Ann Lee", "Bo Kim"], ArticlePipeline.Read("a.json", Encoding.UTF8.GetBytes(
            """{"title": "T", "authors": [{"name": "Ann Lee", "url": "https://ann.example/"}, {"name": "Bo Kim"}], "body_text": "Body text."}""")).Authors);

    private static FeedPublisher.Core.Model.Article Read(string text) => ArticlePipeline.Read("a.md", Encoding.UTF8.GetBytes(text));
}
