using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>One published directory and one server process for all the tests of the class.</summary>
public sealed class ServedFeeds : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();

    public RunningService Service { get; private set; } = null!;

    public string Feeds => _temp.Combine("feeds");

    public async Task InitializeAsync()
    {
        var articles = _temp.Combine("articles");
        RepositoryPaths.CopySampleArticles(articles);
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", articles, "--feeds", Feeds, "--store", _temp.Combine("store.db"));
        Assert.True(publish.ExitCode == 0, publish.ToString());
        File.WriteAllText(Path.Combine(_temp.Path, "secret.txt"), "outside");
        File.CreateSymbolicLink(Path.Combine(Feeds, "escape.xml"), Path.Combine(_temp.Path, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Feeds, "up"), _temp.Path);
        // What a publish killed while staging leaves in the private staging folder, and a link into it.
        var staging = Directory.CreateDirectory(Path.Combine(Feeds, ".fp-staging")).FullName;
        File.WriteAllText(Path.Combine(staging, ".fp-tmp-planted"), "<rss>half");
        File.WriteAllText(Path.Combine(staging, "planted.xml"), "<rss>half");
        Directory.CreateSymbolicLink(Path.Combine(Feeds, "peek"), staging);
        Service = await RunningService.StartAsync(_temp.Path, "serve", "--articles", articles, "--feeds", Feeds);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public void Dispose() => _temp.Dispose();
}

/// <summary>The built-in server over real HTTP: content types, conditional GET, gzip, HEAD and what must stay unreachable.</summary>
public sealed class ServeCommandTests(ServedFeeds served) : IClassFixture<ServedFeeds>
{
    private readonly RunningService _service = served.Service;
    private readonly string _feeds = served.Feeds;

    private Uri Url(string path) => new(_service.BaseUrl, path);

    [Theory]
    [InlineData("rss.xml", "application/rss+xml; charset=utf-8")]
    [InlineData("atom.xml", "application/atom+xml; charset=utf-8")]
    [InlineData("feed.json", "application/feed+json; charset=utf-8")]
    [InlineData("feeds.opml", "text/x-opml; charset=utf-8")]
    [InlineData("", "text/html; charset=utf-8")]
    [InlineData("categories/science/rss.xml", "application/rss+xml; charset=utf-8")]
    public async Task Get_FeedFiles_WithTheirContentTypeAndCacheHeaders(string path, string contentType)
    {
        using var response = await _service.Http.GetAsync(Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.ETag is { IsWeak: false }, "a strong ETag");
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    public async Task Get_IfNoneMatchAndIfModifiedSince_AreAnswered304()
    {
        using var first = await _service.Http.GetAsync(Url("rss.xml"));
        using var byTag = new HttpRequestMessage(HttpMethod.Get, Url("rss.xml"));
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, Url("rss.xml"));
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var stale = new HttpRequestMessage(HttpMethod.Get, Url("rss.xml"));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-tag\""));

        Assert.Equal(HttpStatusCode.NotModified, (await _service.Http.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await _service.Http.SendAsync(byDate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _service.Http.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Get_AcceptingGzip_ServesThePrecompressedSibling()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("atom.xml"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await _service.Http.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_feeds, "atom.xml")), plain.ToArray());
    }

    [Fact]
    public async Task Head_GivesHeadersWithoutBody()
    {
        using var response = await _service.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url("rss.xml")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new FileInfo(Path.Combine(_feeds, "rss.xml")).Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    [InlineData("/categories/..%2f..%2fsecret.txt")]
    [InlineData("/escape.xml")]
    [InlineData("/up/secret.txt")]
    [InlineData("/.fp-manifest")]
    [InlineData("/.fp-lock")]
    [InlineData("/archive/.fingerprints.json")]
    [InlineData("/.fp-staging")]
    [InlineData("/.fp-staging/")]
    [InlineData("/.fp-staging/.fp-tmp-planted")]
    [InlineData("/.fp-staging/planted.xml")]
    [InlineData("/peek/planted.xml")]
    [InlineData("/categories")]
    [InlineData("/nothing.xml")]
    public async Task Get_AnythingOutsideOrHidden_Is404(string path)
    {
        using var client = new TcpClientRequest(_service.BaseUrl);

        var status = await client.GetStatusAsync(path);

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Get_Healthz_ReportsServing()
    {
        var health = await _service.Http.GetStringAsync(Url("healthz"));

        Assert.Contains("\"status\":\"serving\"", health, StringComparison.Ordinal);
    }
}
