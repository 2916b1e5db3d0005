using FeedPublisher.Core.Extraction;

namespace FeedPublisher.Core.Tests.Extraction;

public sealed class SourceFinderTests
{
    private static readonly SourceFinder Finder = new(OutletDirectory.BuiltIn);

    [Theory]
    [InlineData("In an article by CNBC, the leader spoke.", "https://www.cnbc.com/")]
    [InlineData("According to Reuters, talks resumed.", "https://www.reuters.com/")]
    [InlineData("according to the New York Times, it rained.", "https://www.nytimes.com/")]
    [InlineData("The minister told the BBC it was over.", "https://www.bbc.com/")]
    [InlineData("Bloomberg reported the deal first.", "https://www.bloomberg.com/")]
    [InlineData("A report by Der Spiegel found more.", "https://www.spiegel.de/")]
    [InlineData("The Guardian first reported the leak.", "https://www.theguardian.com/")]
    [InlineData("CNN said the vote was close.", "https://www.cnn.com/")]
    [InlineData("Officials spoke, the Press Trust of India reported.", "https://www.ptinews.com/")]
    [InlineData("Speaking to Reuters, the minister denied it.", "https://www.reuters.com/")]
    [InlineData("She wrote in the Guardian that it was over.", "https://www.theguardian.com/")]
    [InlineData("Writing for Reuters, the columnist argued otherwise.", "https://www.reuters.com/")]
    [InlineData("The figures were cited by Reuters on Monday.", "https://www.reuters.com/")]
    [InlineData("He was quoted by CNN as saying no.", "https://www.cnn.com/")]
    [InlineData("In an interview with CNN, she spoke.", "https://www.cnn.com/")]
    [InlineData("In an op-ed for the Guardian, she argued.", "https://www.theguardian.com/")]
    [InlineData("An investigation by the BBC found more.", "https://www.bbc.com/")]
    [InlineData("A story from Reuters ran first.", "https://www.reuters.com/")]
    [InlineData("It was first reported by CNN.", "https://www.cnn.com/")]
    [InlineData("As reported in the Guardian, it rained.", "https://www.theguardian.com/")]
    [InlineData("ACCORDING TO Reuters, talks resumed.", "https://www.reuters.com/")]
    [InlineData("(In an article by CNBC) the leader spoke.", "https://www.cnbc.com/")]
    [InlineData("In   an\narticle \t by CNBC, the leader spoke.", "https://www.cnbc.com/")]
    [InlineData("According to a report by Reuters, talks resumed.", "https://www.reuters.com/")]
    [InlineData("Reuters has also reported the talks.", "https://www.reuters.com/")]
    [InlineData("Spea\u212Aing to Reuters, the minister denied it.", "https://www.reuters.com/")]
    public void Find_Attribution_FindsOutlet(string text, string url)
    {
        Assert.Equal([url], Finder.Find(text).Select(s => s.Url.AbsoluteUri));
    }

    [Theory]
    [InlineData("They climbed the hill and saw a fox near the Times Square sign.")]
    [InlineData("Time will tell. People said it was fine.")]
    [InlineData("Michael Bloomberg said he would run.")]
    [InlineData("The reuters of the world.")]
    [InlineData("It was foretold Reuters would win, and misreported by CNN.")]
    [InlineData("Officials said Reuters.")]
    public void Find_NamesWithoutAttribution_FindsNothing(string text)
    {
        Assert.Empty(Finder.Find(text));
    }

    [Fact]
    public void Find_SeveralCitations_InOrderOfFirstAppearanceAndDeduplicated()
    {
        var sources = Finder.Find("According to Reuters, A. CNBC reported B. Reuters said C. In an article by CNBC, D.");

        Assert.Equal(["Reuters", "CNBC"], sources.Select(s => s.Name));
    }

    [Fact]
    public void Find_OutletFromConfiguration_IsFound()
    {
        var finder = new SourceFinder(OutletDirectory.BuiltIn.With([KeyValuePair.Create("Daily Planet", new Uri("https://dailyplanet.example/"))]));

        Assert.Equal("https://dailyplanet.example/", Assert.Single(finder.Find("According to the Daily Planet, Superman flew.")).Url.AbsoluteUri);
    }

    [Fact]
    public void BuiltIn_HasAtLeastOneHundredOutletsWithHomePages()
    {
        Assert.True(OutletDirectory.BuiltIn.Outlets.Count >= 100);
        Assert.All(OutletDirectory.BuiltIn.Outlets, o => Assert.Equal("https", o.HomePage.Scheme));
    }
}
