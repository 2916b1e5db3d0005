using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Run at the start of every command that publishes (publish, import --publish, run), before the
/// store is opened or anything else can fail: finishes a publish that was killed while moving
/// files and removes the staged files of one killed while staging, so that they hold no disk
/// space until a publish gets that far. Another publisher at work on the directory (a node of a
/// cluster) is left alone: its staged files are its own.
/// </summary>
public sealed partial class FeedDirectoryRecovery(FeedDirectory directory, ILogger<FeedDirectoryRecovery> logger)
{
    public void Run()
    {
        if (!Directory.Exists(directory.Root))
        {
            return;
        }

        using var exclusive = new DirectoryLock(directory.Root, TimeSpan.Zero, logger).TryAcquire();
        if (exclusive is null)
        {
            Busy(logger, directory.Root);
            return;
        }

        var recovery = directory.RecoverAtStart();
        if (recovery.FinishedPublish)
        {
            Finished(logger, directory.Root);
        }

        if (recovery.RemovedFiles > 0)
        {
            Removed(logger, recovery.RemovedFiles, directory.Root);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A publish is under way on {Directory} (its lock is held); its staged files are left to it")]
    private static partial void Busy(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished an interrupted publish in {Directory} from its journal")]
    private static partial void Finished(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} staged files of an interrupted publish from {Directory}")]
    private static partial void Removed(ILogger logger, int count, string directory);
}
