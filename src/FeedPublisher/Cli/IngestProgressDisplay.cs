using FeedPublisher.Core.Ingesting;
using Spectre.Console;

namespace FeedPublisher.Cli;

/// <summary>
/// A progress bar for long ingests, drawn only on an interactive terminal: redirected to a file,
/// a pipe or a journal, the output stays plain text.
/// </summary>
public static class IngestProgressDisplay
{
    public static bool Wanted => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static async Task<T> RunAsync<T>(Func<IProgress<IngestProgress>?, Task<T>> work)
    {
        if (!Wanted)
        {
            return await work(null);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Reading articles");
                result = await work(new Progress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }
}
