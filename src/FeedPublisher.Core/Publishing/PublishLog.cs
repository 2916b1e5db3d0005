using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

internal static partial class PublishLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Published in {ElapsedMs} ms: {Files} article files ({Added} added, {Updated} updated, {Removed} removed, {Rejected} skipped), {Articles} articles in store, {Feeds} feeds, {Written} of {Total} files written ({Stages})")]
    public static partial void Published(ILogger logger, long elapsedMs, int files, int added, int updated, int removed, int rejected, int articles, int feeds, int written, int total, Diagnostics.StageTimings stages);

    // Debug, not Information: a service polling every minute would log this line 1,440 times a day
    // and bury the publishes that did something. /healthz still reports every publish.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Published in {ElapsedMs} ms: {Files} article files, {Articles} articles in store, nothing changed, no file written")]
    public static partial void NothingChanged(ILogger logger, long elapsedMs, int files, int articles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: the {Dropped} oldest items were left out to stay under {MaxBytes} bytes (Feeds:MaxBytes)")]
    public static partial void Trimmed(ILogger logger, string path, int dropped, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Feed}: \"{Title}\" ({Id}) is too large for {MaxBytes} bytes (Feeds:MaxBytes) and is published shortened, its summary and a link instead of its full content ({Formats})")]
    public static partial void Shortened(ILogger logger, string feed, string title, string id, long maxBytes, string formats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Feed}: \"{Title}\" ({Id}) does not fit in {MaxBytes} bytes (Feeds:MaxBytes) even shortened and is left out ({Formats})")]
    public static partial void LeftOut(ILogger logger, string feed, string title, string id, long maxBytes, string formats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: {Bytes} bytes, over {MaxBytes} (Feeds:MaxBytes) with every entry shortened; an archive page keeps all its entries")]
    public static partial void OverBudget(ILogger logger, string path, int bytes, long maxBytes);
}
