using System.CommandLine;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.Cli;

/// <summary><c>publish</c>: one pass of ingest and publish, a report on stdout, then exit.</summary>
public static class PublishCommand
{
    public static Command Create(CommonOptions options, string[] configurationArgs)
    {
        var command = new Command("publish", "Ingest the articles and publish the feeds once, then exit");
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var (builder, settings) = HostFactory.Create(configurationArgs, options.ToConfiguration(result));
            using var host = builder.Build();
            // Before the store is opened: a publish that fails there still gives back what a killed one staged.
            host.Services.GetRequiredService<FeedDirectoryRecovery>().Run();
            var publisher = host.Services.GetRequiredService<FeedPublishingService>();
            var report = await IngestProgressDisplay.RunAsync(progress => publisher.PublishAsync(cancellationToken, progress));
            PublishReportPrinter.Print(Console.Out, report, settings.Feeds.Directory);
            return ExitCodes.Success;
        }));
        return command;
    }
}
