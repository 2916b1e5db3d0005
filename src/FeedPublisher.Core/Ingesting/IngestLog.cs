using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

internal static partial class IngestLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: skipped: {Reason}")]
    public static partial void Rejected(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: warning: {Reason}")]
    public static partial void Warning(ILogger logger, string path, string reason);
}
