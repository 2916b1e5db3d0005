using FeedPublisher.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

internal static partial class IngestLog
{
    /// <summary>Logs the problem as what it is, on one line whatever the file's name holds, and hands it on.</summary>
    public static ArticleProblem Report(ILogger logger, ArticleProblem problem)
    {
        if (problem.Rejected)
        {
            Rejected(logger, OneLine.Of(problem.Path), OneLine.Of(problem.Message));
        }
        else
        {
            Warning(logger, OneLine.Of(problem.Path), OneLine.Of(problem.Message));
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: skipped: {Reason}")]
    public static partial void Rejected(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: warning: {Reason}")]
    public static partial void Warning(ILogger logger, string path, string reason);

    /// <summary>A draft or expired article kept out of the feeds: information, not a problem.</summary>
    public static void ReportWithheld(ILogger logger, string path, string reason)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var (onePath, oneReason) = (OneLine.Of(path), OneLine.Of(reason));
            Withheld(logger, onePath, oneReason);
        }
    }

    /// <summary>
    /// Logs each unknown key once for all the files that use it (a per-file line would bury the
    /// rest of the report in a site that uses one key throughout), and hands the tally on.
    /// </summary>
    public static IReadOnlyList<UnknownArticleKey> ReportUnknownKeys(ILogger logger, IEnumerable<(string Path, IReadOnlyList<string> Keys)> files)
    {
        var keys = UnknownArticleKey.Tally(files);
        foreach (var key in keys)
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                var line = key.ToString();
                UnknownKey(logger, line);
            }
        }

        return keys;
    }

    /// <summary><see cref="ReportUnknownKeys"/> for the files of an ingest pass, in path order.</summary>
    internal static IReadOnlyList<UnknownArticleKey> ReportUnknownKeys(ILogger logger, IEnumerable<IngestedFile> outcomes) =>
        ReportUnknownKeys(logger, outcomes.Where(f => f.UnknownKeys.Count > 0).OrderBy(f => f.RelativePath, StringComparer.Ordinal).Select(f => (f.RelativePath, f.UnknownKeys)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "articles: {UnknownKey}")]
    private static partial void UnknownKey(ILogger logger, string unknownKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: not published: {Reason}")]
    private static partial void Withheld(ILogger logger, string path, string reason);
}
