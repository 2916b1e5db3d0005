using System.Diagnostics;
using System.Text.Json;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>What an operator meets: config show, JSON logs, clear start-up errors, one publisher per feed directory.</summary>
public sealed class OperatingTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public OperatingTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ConfigShow_PrintsEffectiveSettingsWithSecretsRedacted()
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, "config", "show", "--articles", _articles, "--feeds", _feeds,
            "--store", $"Data Source={_temp.Combine("s.db")};Password=hunter2", "--Feeds:WebSubHub=https://user:s3cret@hub.example.com/", "--Feeds:MaxItems=20");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(20, json.RootElement.GetProperty("Feeds").GetProperty("MaxItems").GetInt32());
        Assert.Equal("0 * * * * ?", json.RootElement.GetProperty("Schedule").GetProperty("Publish").GetString());
        Assert.DoesNotContain("hunter2", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Password=***", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_JsonLogs_OneJsonObjectPerLine()
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("s.db"), "--Logging:Format=json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("Timestamp", out _), line);
        }

        Assert.Contains(lines, l => l.Contains("Published in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_LogLevelsAndEnvironment_TakeEffectOverAppSettings()
    {
        var environment = new Dictionary<string, string> { ["Feeds__MaxItems"] = "2", ["Logging__LogLevel__Default"] = "Warning" };

        var result = await FeedPublisherCli.RunAsync(_temp.Path, environment, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("s.db"));
        var shown = await FeedPublisherCli.RunAsync(_temp.Path, environment, "config", "show");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Published in", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("(2 of ", result.StandardOutput, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(shown.StandardOutput);
        Assert.Equal(2, json.RootElement.GetProperty("Feeds").GetProperty("MaxItems").GetInt32());
    }

    [Fact]
    public async Task Publish_StdoutRedirected_HasNoTerminalEscapes()
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("s.db"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain('\u001b', result.StandardOutput);
    }

    [SkippableFact]
    public async Task Publish_OnATerminal_ShowsIngestProgress()
    {
        Skip.IfNot(File.Exists("/usr/bin/script"), "util-linux's script is needed to give the program a terminal");
        var command = $"dotnet {RepositoryPaths.FeedPublisherDll} publish --articles {_articles} --feeds {_feeds} --store {_temp.Combine("s.db")}";
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TERM"] = "xterm" },
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Reading articles", output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FeedDirectoryNotWritable_ExitsTwoNamingTheKey()
    {
        var file = _temp.Combine("not-a-folder");
        File.WriteAllText(file, "a file where the feed directory should be");

        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", file, "--store", _temp.Combine("s.db"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Feeds:Directory", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AnotherPublisherHoldsTheDirectory_WaitsAndSaysSo()
    {
        Directory.CreateDirectory(_feeds);
        var clock = Stopwatch.StartNew();
        Task<CliResult> publish;
        using (new FileStream(Path.Combine(_feeds, ".fp-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            publish = FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("s.db"));
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.False(File.Exists(Path.Combine(_feeds, "rss.xml")), "published while another publisher held the directory");
        }

        var result = await publish;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Another publish is running", result.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_feeds, "rss.xml")));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(4));
    }
}
