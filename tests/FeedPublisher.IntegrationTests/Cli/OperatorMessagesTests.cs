using System.Net;
using System.Net.Sockets;
using FeedPublisher.Configuration;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// The mistakes operators make (issue 17), each answered with what to do: the key or command
/// meant, the setting that changes a port, a path that does not exist; never a stack trace.
/// </summary>
public sealed class OperatorMessagesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public OperatorMessagesTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_PortInUse_NamesTheSettingThatMovesItWithoutAStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await FeedPublisherCli.RunAsync(_temp.Path, "serve", "--feeds", _feeds, $"--Serve:Urls=http://127.0.0.1:{port}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"http://127.0.0.1:{port}", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("already in use", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--Serve:Urls=", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.True(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 3, result.StandardError);
    }

    [Theory]
    [InlineData("--Feeds:MaxItem=3", "Feeds:MaxItem: not a setting (did you mean Feeds:MaxItems?)")]
    [InlineData("--Feedz:MaxItems=3", "Feedz: not a configuration section (did you mean Feeds?)")]
    [InlineData("--Feeds:Named:short:Titel=Short", "Feeds:Named:short:Titel: not a setting (did you mean Feeds:Named:short:Title?)")]
    [InlineData("--Logging:Format=jsn", "Logging:Format: 'jsn' is not a log format (did you mean json?)")]
    public async Task Publish_UnknownKey_IsNamedWithTheNearestKnownOne(string argument, string message)
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("s.db"), argument);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("BinderOptions", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_feeds, "categories")));
    }

    [Fact]
    public async Task Publish_UnknownSectionInTheEnvironment_IsNamed()
    {
        var environment = new Dictionary<string, string> { ["Feedz__MaxItems"] = "3" };

        var result = await FeedPublisherCli.RunAsync(_temp.Path, environment, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("s.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Feedz: not a configuration section (did you mean Feeds?)", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'publsh': did you mean 'publish'?", "publsh")]
    [InlineData("'--feed': did you mean '--feeds'?", "publish", "--feed", "x")]
    public async Task MistypedCommandOrOption_SuggestsTheOneMeant(string suggestion, params string[] args)
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(suggestion, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MistypedPath_FailsAndCreatesNothing()
    {
        var missing = _temp.Combine("feedz");

        var result = await FeedPublisherCli.RunAsync(_temp.Path, "validate", "--feeds", missing);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"the feed directory {missing} does not exist", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("all valid", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Validate_WithoutTheBaseUrl_ChecksAgainstTheOneThePublishUsed()
    {
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("s.db"), "--base-url", "https://news.example.com/feeds/");
        Assert.True(publish.ExitCode == 0, publish.ToString());

        var plain = await FeedPublisherCli.RunAsync(_temp.Path, "validate", "--feeds", _feeds);
        var otherUrl = await FeedPublisherCli.RunAsync(_temp.Path, "validate", "--feeds", _feeds, "--base-url", "https://elsewhere.example.com/");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("all valid", plain.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, otherUrl.ExitCode);
        Assert.Contains("not the feed's published URL https://elsewhere.example.com/rss.xml", otherUrl.StandardOutput, StringComparison.Ordinal);
    }
}
