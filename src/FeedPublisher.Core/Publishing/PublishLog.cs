using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

internal static partial class PublishLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Published in {ElapsedMs} ms: {Files} article files ({Added} added, {Updated} updated, {Removed} removed, {Rejected} skipped), {Articles} articles in store, {Items} in the main feed, {Written} of {Total} feed files written")]
    public static partial void Published(ILogger logger, long elapsedMs, int files, int added, int updated, int removed, int rejected, int articles, int items, int written, int total);
}
