using System.CommandLine;
using System.Globalization;
using FeedPublisher.Core.Validation;
using FeedPublisher.Hosting;

namespace FeedPublisher.Cli;

/// <summary><c>validate</c>: checks every file of the feed directory; exit 0 when all pass, 1 when any fails.</summary>
public static class ValidateCommand
{
    public static Command Create(CommonOptions options, string[] configurationArgs)
    {
        var command = new Command("validate", "Check every file in the feed directory against the RSS, Atom, JSON Feed and OPML rules");
        command.SetAction((result, _) => CommandRunner.RunAsync(async () =>
        {
            var (_, settings) = HostFactory.Create(configurationArgs, options.ToConfiguration(result));
            var root = Path.GetFullPath(settings.Feeds.Directory);
            if (!Directory.Exists(root))
            {
                throw new ArgumentException($"the feed directory {root} does not exist (Feeds:Directory)");
            }

            var issues = new FeedValidator(new Uri(settings.Site.BaseUrl)).ValidateDirectory(root, out var checkedFiles);
            foreach (var issue in issues)
            {
                await Console.Out.WriteLineAsync(issue.ToString());
            }

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{checkedFiles} files checked in {root}: {(issues.Count == 0 ? "all valid" : $"{issues.Count} problems")}"));
            return issues.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}
