using System.CommandLine;
using System.Globalization;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.Cli;

/// <summary>
/// <c>import</c>: stores articles that another system (a CMS) hands over as files anywhere, or
/// removes them by id. The next publish (scheduled, or <c>--publish</c>) puts them in the feeds.
/// Exit 1 when any file was refused, so that the caller knows to look.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CommonOptions options, string[] configurationArgs)
    {
        var paths = new Argument<string[]>("PATH") { Description = "article files (.txt, .md, .html, .json), folders of them, or feeds to migrate (RSS 2.0, Atom 1.0, JSON Feed, WordPress export: one article per item, keeping its GUID); with --remove, article ids", Arity = ArgumentArity.OneOrMore };
        var remove = new Option<bool>("--remove") { Description = "remove the imported articles with these ids instead" };
        var publish = new Option<bool>("--publish") { Description = "publish the feeds right after" };
        var command = new Command("import", "Store articles handed over by another system, outside the articles folder; or remove them") { paths, remove, publish };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var (builder, settings) = HostFactory.Create(configurationArgs, options.ToConfiguration(result));
            using var host = builder.Build();
            if (result.GetValue(publish))
            {
                host.Services.GetRequiredService<Core.Publishing.FeedDirectoryRecovery>().Run();
            }

            var importer = host.Services.GetRequiredService<ArticleImporter>();
            var given = result.GetValue(paths) ?? [];
            var report = result.GetValue(remove)
                ? await importer.RemoveAsync(given, cancellationToken)
                : await importer.ImportAsync(given, cancellationToken);
            foreach (var problem in report.Problems)
            {
                await Console.Out.WriteLineAsync(problem.ToString());
            }

            foreach (var file in report.Withheld)
            {
                await Console.Out.WriteLineAsync(file.ToString());
            }

            foreach (var key in report.UnknownKeys)
            {
                await Console.Out.WriteLineAsync($"warning: {key}");
            }

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Imported {report.Files} files: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Removed} removed, {report.Rejected} refused{(report.Withheld.Count > 0 ? $", {report.Withheld.Count} not published (drafts, expired)" : "")}{(report.SkippedItems > 0 ? $", {report.SkippedItems} WordPress items skipped (pages, attachments, menu items)" : "")}"));
            if (result.GetValue(publish))
            {
                PublishReportPrinter.Print(Console.Out, await host.Services.GetRequiredService<Core.Publishing.FeedPublishingService>().PublishAsync(cancellationToken), settings.Feeds.Directory);
            }

            return report.Rejected == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}
