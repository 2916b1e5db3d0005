using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Tests.Text;

/// <summary>Found by an outside probe: any text was written as the article's language, where validators and readers expect a BCP 47 tag.</summary>
public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData(" pt-BR ", "pt-BR")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    [InlineData("de-CH-1901", "de-CH-1901")]
    [InlineData("English", "English")]
    [InlineData("en_US", null)]
    [InlineData("en US", null)]
    [InlineData("\"><script>", null)]
    [InlineData("e", null)]
    [InlineData("", null)]
    [InlineData("en-", null)]
    [InlineData("a-very-long-tag-that-is-not-a-language-at-all-really", null)]
    public void Of_Text_TheTagOrNothing(string text, string? expected) => Assert.Equal(expected, LanguageTag.Of(text));

    [Fact]
    public void FrontMatter_LanguageNotATag_LeftOutWithAWarningNamingTheKey()
    {
        var metadata = new MarkdownArticleReader().Read(new ArticleSource("a.md", "---\ntitle: T\nlanguage: \"en\\u202E <b>\"\n---\nBody.\n")).Metadata;

        Assert.Null(metadata.Language);
        Assert.Contains(metadata.Warnings, w => w.StartsWith("'language' is not a language tag", StringComparison.Ordinal));
    }

    /// <summary>Found by a review: the closers went on the end, and shortening a long title or summary cut them off again.</summary>
    [Fact]
    public void Extract_LongTitleAndSummaryOpeningAnOverride_KeepTheirClosersAfterShortening()
    {
        var words = string.Join(" ", Enumerable.Repeat("word", 400));
        var article = Support.ArticlePipeline.Read("long.md", System.Text.Encoding.UTF8.GetBytes($"---\ntitle: \"\u202E{words}\"\nsummary: \"\u202E{words}\"\n---\nBody.\n"));

        Assert.Equal(1, article.Title.Count(c => c == '\u202C'));
        Assert.Equal(1, article.Summary.Count(c => c == '\u202C'));
        Assert.EndsWith("\u202C", article.Title, StringComparison.Ordinal);
    }
}
