using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Reading;

public sealed class TextArticleReaderTests
{
    private static ArticleDraft Read(string text) => new TextArticleReader().Read(new ArticleSource("a.txt", text));

    [Fact]
    public void Read_LeadingBlankLines_TitleIsFirstNonEmptyLine()
    {
        var draft = Read("\n\n  The  Title \n\nPara one\nstill one.\n\n\nPara two.");

        Assert.Equal("The Title", draft.Metadata.Title);
        Assert.Equal(["Para one\nstill one.", "Para two."], draft.Paragraphs);
    }

    [Fact]
    public void Read_OnlyWhitespace_IsRejected()
    {
        Assert.Throws<ArticleRejectedException>(() => Read(" \n\t\n"));
    }

    [Fact]
    public void Read_FirstLineTooLongForATitle_IsRejectedWithLineNumber()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => Read("\n" + new string('x', 600)));

        Assert.StartsWith("line 2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TitleWithControlCharacters_IsCleaned()
    {
        Assert.Equal("Bell ring", Read("Bell\u0007 ring\n\nBody.").Metadata.Title);
    }
}
