using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

internal static partial class IngestLog
{
    /// <summary>Logs the problem as what it is, and hands it on.</summary>
    public static ArticleProblem Report(ILogger logger, ArticleProblem problem)
    {
        if (problem.Rejected)
        {
            Rejected(logger, problem.Path, problem.Message);
        }
        else
        {
            Warning(logger, problem.Path, problem.Message);
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: skipped: {Reason}")]
    public static partial void Rejected(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: warning: {Reason}")]
    public static partial void Warning(ILogger logger, string path, string reason);
}
