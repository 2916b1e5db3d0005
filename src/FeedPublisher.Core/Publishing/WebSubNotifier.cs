using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Tells a WebSub hub which feeds changed (<c>hub.mode=publish</c>, one <c>hub.url</c> per
/// feed), so subscribers hear of new articles without polling. A hub that fails is logged and
/// the publish still counts: the feeds are in place either way.
/// </summary>
public sealed partial class WebSubNotifier(HttpClient http, ILogger<WebSubNotifier> logger)
{
    public async Task NotifyAsync(Uri hub, IReadOnlyList<Uri> changedFeeds, CancellationToken cancellationToken)
    {
        if (changedFeeds.Count == 0)
        {
            return;
        }

        var form = new List<KeyValuePair<string, string>> { new("hub.mode", "publish") };
        form.AddRange(changedFeeds.Select(url => new KeyValuePair<string, string>("hub.url", url.AbsoluteUri)));
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(hub, content, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Notified(logger, hub, changedFeeds.Count);
            }
            else
            {
                Refused(logger, hub, (int)response.StatusCode);
            }
        }
        catch (HttpRequestException e)
        {
            Unreachable(logger, hub, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Unreachable(logger, hub, "timed out");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSub hub {Hub} told of {Feeds} changed feeds")]
    private static partial void Notified(ILogger logger, Uri hub, int feeds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub hub {Hub} answered {Status}; subscribers will see the change when they poll")]
    private static partial void Refused(ILogger logger, Uri hub, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub hub {Hub} could not be reached: {Reason}")]
    private static partial void Unreachable(ILogger logger, Uri hub, string reason);
}
