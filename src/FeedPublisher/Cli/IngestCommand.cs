using System.CommandLine;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.Cli;

/// <summary>
/// <c>ingest</c>: one pass over the articles folder into the store, without publishing: for loading
/// a large archive ahead of the first publish, or checking a folder's files (every bad file is
/// reported). Bodies are rendered later, by the publish that first shows them.
/// </summary>
public static class IngestCommand
{
    public static Command Create(CommonOptions options, string[] configurationArgs)
    {
        var command = new Command("ingest", "Read the articles folder into the store, without publishing");
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var (builder, _) = HostFactory.Create(configurationArgs, options.ToConfiguration(result));
            using var host = builder.Build();
            var ingestor = host.Services.GetRequiredService<ArticleIngestor>();
            var report = await IngestProgressDisplay.RunAsync(progress => ingestor.IngestAsync(cancellationToken, progress));
            PublishReportPrinter.PrintIngest(Console.Out, report);
            return ExitCodes.Success;
        }));
        return command;
    }
}
