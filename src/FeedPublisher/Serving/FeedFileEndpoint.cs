using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace FeedPublisher.Serving;

/// <summary>
/// Serves the feed directory the way aggregators want it: the right content type, a strong ETag
/// and Last-Modified that change only with the bytes, 304 for If-None-Match and
/// If-Modified-Since, Cache-Control from the schedule, HEAD, the precompressed .gz sibling to
/// clients that accept gzip, and single byte ranges (206, 416, If-Range) of whichever is sent.
/// A file not there before the first publish is 503 with Retry-After (<see cref="FirstPublishGate"/>).
/// </summary>
public sealed partial class FeedFileEndpoint(FeedFileResolver resolver, EntityTags tags, TimeSpan maxAge, FirstPublishGate gate, ILogger<FeedFileEndpoint> logger)
{
    private const string StartingMessage = "Starting: the first publish has not finished yet. Try again in a few seconds.\n";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var file = resolver.Resolve(request.Path.Value ?? "/");
        if (file is null && gate.IsStarting)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = ((int)FirstPublishGate.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            // Not kept by caches: the file will be there in a moment.
            response.Headers.CacheControl = "no-store";
            response.ContentType = "text/plain; charset=utf-8";
            Served(logger, request.Method, request.Path, 503);
            await response.WriteAsync(HttpMethods.IsGet(request.Method) ? StartingMessage : "", context.RequestAborted);
            return;
        }

        if (file is null && resolver.IsFolderWithoutSlash(request.Path.Value ?? "/"))
        {
            // Relative links in the folder's page resolve against the folder only with the slash. The
            // path is rebuilt from its segments: "//host/x" must not become a protocol-relative URL.
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            response.Headers.Location = request.PathBase + new PathString("/" + string.Join('/', segments) + "/") + request.QueryString;
            Served(logger, request.Method, request.Path, 301);
            return;
        }

        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            Served(logger, request.Method, request.Path, 404);
            return;
        }

        var gzip = AcceptsGzip(request) && !file.Name.EndsWith(".gz", StringComparison.Ordinal) ? Sibling(file) : null;
        var body = gzip ?? file;
        var plainTag = tags.For(file);
        var etag = gzip is null ? plainTag : GzipTag(plainTag);
        var lastModified = new DateTimeOffset(TruncateToSeconds(file.LastWriteTimeUtc), TimeSpan.Zero);

        response.Headers.ETag = etag;
        response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        response.Headers.Vary = "Accept-Encoding";
        response.Headers.AcceptRanges = "bytes";
        if (NotModified(request, [plainTag, GzipTag(plainTag)], lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            Served(logger, request.Method, request.Path, 304);
            return;
        }

        response.ContentType = ContentTypes.For(file.Name);
        if (gzip is not null)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        // After the 304 check (RFC 9110 13.2.2): a range only of a response that would be a 200.
        var range = ByteRange.For(request, body.Length, etag, lastModified);
        if (range is { IsSatisfiable: false })
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = $"bytes */{body.Length}";
            response.ContentLength = 0;
            Served(logger, request.Method, request.Path, 416);
            return;
        }

        if (range is { } part)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {part.First}-{part.Last}/{body.Length}";
            response.ContentLength = part.Length;
            Served(logger, request.Method, request.Path, 206);
            await response.SendFileAsync(body.FullName, part.First, part.Length, context.RequestAborted);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = body.Length;
        Served(logger, request.Method, request.Path, 200);
        if (HttpMethods.IsGet(request.Method))
        {
            await response.SendFileAsync(body.FullName, context.RequestAborted);
        }
    }

    /// <summary>
    /// If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). Either encoding's tag counts:
    /// both name the same version of the file, and a client that cached one need not fetch again.
    /// </summary>
    private static bool NotModified(HttpRequest request, string[] currentTags, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            return ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Select(t => t.Trim().Replace("W/", "", StringComparison.Ordinal)).Any(currentTags.Contains);
        }

        return DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified <= since;
    }

    private static string GzipTag(string plainTag) => plainTag[..^1] + "-gz\"";

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);

    /// <summary>The .gz sibling, when the publisher wrote one at least as new as the file.</summary>
    private static FileInfo? Sibling(FileInfo file)
    {
        var gz = new FileInfo(file.FullName + ".gz");
        return gz.Exists && gz.LastWriteTimeUtc >= file.LastWriteTimeUtc ? gz : null;
    }

    private static DateTime TruncateToSeconds(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} {Status}")]
    private static partial void Served(ILogger logger, string method, PathString path, int status);
}
