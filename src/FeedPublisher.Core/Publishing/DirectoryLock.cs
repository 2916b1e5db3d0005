using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// One publisher at a time per feed directory, across processes: an exclusive lock on the file
/// .fp-lock in the directory (an advisory flock on Linux, released by the kernel if the process
/// dies). A second publisher waits for it, saying so, up to a limit.
/// </summary>
public sealed partial class DirectoryLock(string directory, TimeSpan wait, ILogger logger)
{
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, PublishState.LockFile);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told)
                {
                    Waiting(logger, Path.GetFullPath(directory));
                    told = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (IOException e)
            {
                throw new IOException($"another publish has held the feed directory {Path.GetFullPath(directory)} for over {wait.TotalSeconds:F0} s; giving up", e);
            }
        }
    }

    /// <summary>The lock if no one holds it, else null at once.</summary>
    public IDisposable? TryAcquire()
    {
        try
        {
            return new FileStream(Path.Combine(directory, PublishState.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another publish is running on {Directory}; waiting for it to finish")]
    private static partial void Waiting(ILogger logger, string directory);
}
