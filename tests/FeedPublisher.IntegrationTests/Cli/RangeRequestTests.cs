using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>Range requests to the built-in server over real HTTP, as RFC 9110 (14, 13.1.5) asks.</summary>
public sealed class RangeRequestTests(ServedFeeds served) : IClassFixture<ServedFeeds>
{
    private readonly RunningService _service = served.Service;
    private readonly string _feeds = served.Feeds;

    private Uri Url(string path) => new(_service.BaseUrl, path);

    private byte[] FileBytes(string path) => File.ReadAllBytes(Path.Combine(_feeds, path));

    private HttpRequestMessage Request(string path, string range, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, Url(path));
        request.Headers.TryAddWithoutValidation("Range", range);
        return request;
    }

    [Fact]
    public async Task Get_WholeFile_AdvertisesByteRanges()
    {
        using var response = await _service.Http.GetAsync(Url("rss.xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
    }

    [Theory]
    [InlineData("bytes=0-99", 0, 99)]
    [InlineData("bytes=100-", 100, -1)]
    [InlineData("bytes=-50", -50, -1)]
    [InlineData("bytes=10-10", 10, 10)]
    [InlineData("bytes=0-99999999", 0, -1)]
    public async Task Get_SatisfiableRange_Is206WithThosePartsOnly(string range, int first, int last)
    {
        var whole = FileBytes("rss.xml");
        var from = first < 0 ? whole.Length + first : first;
        var to = last < 0 ? whole.Length - 1 : last;

        using var response = await _service.Http.SendAsync(Request("rss.xml", range));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {from}-{to}/{whole.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(to - from + 1, response.Content.Headers.ContentLength);
        Assert.Equal(whole[from..(to + 1)], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("bytes=99999999-")]
    [InlineData("bytes=-0")]
    public async Task Get_UnsatisfiableRange_Is416WithTheLength(string range)
    {
        using var response = await _service.Http.SendAsync(Request("rss.xml", range));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{FileBytes("rss.xml").Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=5-2")]
    [InlineData("lines=0-9")]
    [InlineData("bytes=abc")]
    public async Task Get_SeveralOrInvalidRanges_GetsTheWholeFile(string range)
    {
        using var response = await _service.Http.SendAsync(Request("rss.xml", range));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileBytes("rss.xml"), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_IfRangeWithTheCurrentTagOrDate_Is206()
    {
        using var first = await _service.Http.GetAsync(Url("atom.xml"));
        using var byTag = Request("atom.xml", "bytes=0-9");
        byTag.Headers.IfRange = new RangeConditionHeaderValue(first.Headers.ETag!);
        using var byDate = Request("atom.xml", "bytes=0-9");
        byDate.Headers.IfRange = new RangeConditionHeaderValue(first.Content.Headers.LastModified!.Value);

        Assert.Equal(HttpStatusCode.PartialContent, (await _service.Http.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, (await _service.Http.SendAsync(byDate)).StatusCode);
    }

    [Fact]
    public async Task Get_IfRangeWithAnotherVersion_GetsTheWholeFile()
    {
        using var first = await _service.Http.GetAsync(Url("atom.xml"));
        using var oldTag = Request("atom.xml", "bytes=0-9");
        oldTag.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"an-older-version\""));
        using var weakTag = Request("atom.xml", "bytes=0-9");
        weakTag.Headers.TryAddWithoutValidation("If-Range", "W/" + first.Headers.ETag!.Tag);
        using var oldDate = Request("atom.xml", "bytes=0-9");
        oldDate.Headers.IfRange = new RangeConditionHeaderValue(first.Content.Headers.LastModified!.Value.AddSeconds(-1));

        foreach (var request in new[] { oldTag, weakTag, oldDate })
        {
            using var response = await _service.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(FileBytes("atom.xml"), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Get_RangeAcceptingGzip_IsAPartOfTheGzipRepresentation()
    {
        var gz = FileBytes("atom.xml.gz");
        using var request = Request("atom.xml", "bytes=0-99");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await _service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal($"bytes 0-99/{gz.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(gz[..100], await response.Content.ReadAsByteArrayAsync());
        Assert.EndsWith("-gz\"", response.Headers.ETag!.Tag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RangeWithIfNoneMatchOfTheCurrentTag_Is304()
    {
        using var first = await _service.Http.GetAsync(Url("rss.xml"));
        using var request = Request("rss.xml", "bytes=0-9");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await _service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Head_WithRange_IsTheHeadersOfTheWholeFile()
    {
        using var response = await _service.Http.SendAsync(Request("rss.xml", "bytes=0-9", HttpMethod.Head));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileBytes("rss.xml").Length, response.Content.Headers.ContentLength);
    }

    [SkippableFact]
    public async Task Curl_InterruptedDownload_ResumesToTheWholeFile()
    {
        if (!File.Exists("/usr/bin/curl") && Tools.Required)
        {
            throw new InvalidOperationException("curl is required here (CI): apt-get install curl");
        }

        Skip.IfNot(File.Exists("/usr/bin/curl"), "curl is not installed: apt-get install curl (CI installs it)");
        // What a download manager does: keep the first part, then ask for the rest with -C -.
        var whole = FileBytes("feeds.opml");
        var partial = Path.Combine(Path.GetTempPath(), $"fp-range-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(partial, whole[..(whole.Length / 3)]);
            using var curl = Process.Start(new ProcessStartInfo("/usr/bin/curl", ["-sS", "-f", "-C", "-", "-o", partial, Url("feeds.opml").AbsoluteUri])
            {
                RedirectStandardError = true,
            })!;
            var errors = await curl.StandardError.ReadToEndAsync();
            await curl.WaitForExitAsync();

            Assert.True(curl.ExitCode == 0, $"curl exited with {curl.ExitCode}: {errors}");
            Assert.Equal(whole, File.ReadAllBytes(partial));
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
