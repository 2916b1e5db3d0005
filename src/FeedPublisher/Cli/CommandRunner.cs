using FeedPublisher.Configuration;
using FeedPublisher.Storage;

namespace FeedPublisher.Cli;

/// <summary>The one place where failures become exit codes and messages for the operator.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (SettingsException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadConfiguration;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (StoreUnavailableException e)
        {
            // Says which server and why; a stack trace would only bury that.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Core.Publishing.FeedDirectoryFullException e)
        {
            // Names the disk and what to do; a stack trace would only bury that.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Core.Publishing.FeedDirectoryInTheWayException e)
        {
            // Names the path in the way and what to do.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            await Console.Error.WriteLineAsync(e.ToString());
            return ExitCodes.Failure;
        }
    }
}
