using FeedPublisher.Core.Publishing;
using Microsoft.AspNetCore.Http;

namespace FeedPublisher.Serving;

/// <summary>/healthz: the last publish of this process (when, result, articles, feeds, rejected files) as JSON.</summary>
public static class HealthEndpoint
{
    public static IResult Handle(PublishStatus status, bool publishing)
    {
        var last = status.Last;
        var body = new
        {
            status = last is null ? (publishing ? "starting" : "serving") : last.Result,
            publishing,
            lastPublish = last,
        };
        return last?.Result == "failed" ? Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : Results.Json(body);
    }
}
