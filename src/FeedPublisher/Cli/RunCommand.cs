using System.CommandLine;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using FeedPublisher.Scheduling;
using FeedPublisher.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedPublisher.Cli;

/// <summary>
/// <c>run</c>: the service. Publishes at start, on the schedule and soon after article files
/// change, and serves the feed directory, until SIGTERM or Ctrl+C; a publish under way when the
/// signal comes is finished first. Under systemd (Type=notify) it reports readiness and stopping.
/// </summary>
public static class RunCommand
{
    /// <summary>How long a stop waits for a running publish before the host gives up on it.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(5);

    public static Command Create(CommonOptions options, string[] configurationArgs)
    {
        var command = new Command("run", "Run as a service: publish at start, then on the schedule, until stopped");
        command.SetAction((result, _) => CommandRunner.RunAsync(async () =>
        {
            var (builder, settings) = HostFactory.Create(configurationArgs, options.ToConfiguration(result));
            builder.Services.AddSystemd();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
            builder.Services.AddPublishSchedule(settings);
            if (settings.Schedule.WatchArticles)
            {
                builder.Services.AddHostedService<ArticleWatcher>();
            }

            if (settings.Serve.Enabled)
            {
                builder.Services.AddFeedServer(settings, publishing: true);
            }

            using var host = builder.Build();
            // At start-up, not at the first publish: in a cluster that may run on another node, or wait.
            host.Services.GetRequiredService<FeedDirectoryRecovery>().Run();
            // The host listens for SIGTERM and Ctrl+C itself and stops gracefully.
            await ServiceHost.RunUntilStoppedAsync(host, Parts(settings));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>What this run started, for the line that says it stopped.</summary>
    private static string Parts(Configuration.FeedPublisherSettings settings) =>
        (settings.Schedule.WatchArticles, settings.Serve.Enabled) switch
        {
            (true, true) => "scheduler, article watcher and server",
            (true, false) => "scheduler and article watcher",
            (false, true) => "scheduler and server",
            (false, false) => "scheduler",
        };
}
