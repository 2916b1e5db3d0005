using System.Text;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Extraction;

/// <summary>
/// The attribution forms of issue 16 ("Reading, sharpened"), each in a whole article read and
/// extracted as ingest does it: the outlet must be among the article's sources, with its home page.
/// Ordinary sentences that share a cue's words must give no source.
/// </summary>
public sealed class SourcePhraseTests
{
    [Theory]
    [InlineData("The minister said, in a statement to The Guardian, that the plan was dead.", "The Guardian", "https://www.theguardian.com/")]
    [InlineData("In a statement to Reuters, the company denied the claim.", "Reuters", "https://www.reuters.com/")]
    [InlineData("The mayor told the BBC that the roads would reopen.", "BBC", "https://www.bbc.com/")]
    [InlineData("Speaking to Reuters on Monday, the minister denied it.", "Reuters", "https://www.reuters.com/")]
    [InlineData("The leak was first reported by The Guardian last week.", "The Guardian", "https://www.theguardian.com/")]
    [InlineData("The merger talks were first reported by Bloomberg.", "Bloomberg", "https://www.bloomberg.com/")]
    [InlineData("Bloomberg reported that the talks had stalled.", "Bloomberg", "https://www.bloomberg.com/")]
    [InlineData("The talks had stalled, Reuters reported on Tuesday.", "Reuters", "https://www.reuters.com/")]
    [InlineData("According to a Bloomberg report, the talks had stalled.", "Bloomberg", "https://www.bloomberg.com/")]
    [InlineData("According to a recent New York Times investigation, the fund lost money.", "The New York Times", "https://www.nytimes.com/")]
    [InlineData("According to an Associated Press tally, turnout rose.", "Associated Press", "https://apnews.com/")]
    [InlineData("In a statement given to CNN, the senator declined.", "CNN", "https://www.cnn.com/")]
    public void Read_AttributionForm_FindsOutletWithLink(string sentence, string name, string url)
    {
        var article = Read(sentence);

        var source = Assert.Single(article.Sources);
        Assert.Equal(name, source.Name);
        Assert.Equal(url, source.Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("After the storm, she reported to work at six as usual.")]
    [InlineData("The team told reporters that the match would go ahead.")]
    [InlineData("He said in a statement to the press that he would resign.")]
    [InlineData("According to a report released on Monday, turnout rose.")]
    [InlineData("According to a Time Warner filing, revenue rose.")]
    [InlineData("According to a Bloomberg spokesman, the mayor will not run.")]
    [InlineData("She told the Times Square crowd to go home.")]
    [InlineData("In a statement to shareholders, the board apologized.")]
    public void Read_OrdinarySentence_FindsNoSource(string sentence)
    {
        Assert.Empty(Read(sentence).Sources);
    }

    private static Model.Article Read(string sentence) =>
        ArticlePipeline.Read("phrase.txt", Encoding.UTF8.GetBytes($"A Title For The Story\n\nThe story begins here with a plain sentence. {sentence} It ends with another plain sentence.\n"));
}
