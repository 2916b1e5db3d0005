using System.CommandLine;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Validation;
using FeedPublisher.Core.Writing;
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
            // Whether the directory exists is asked before the settings are loaded: loading them
            // creates a missing feed directory, and a mistyped path would then read "all valid".
            var given = options.ToConfiguration(result);
            string? explicitBaseUrl = null;
            var (_, settings) = HostFactory.Create(configurationArgs, given, configuration =>
            {
                var directory = Path.GetFullPath(configuration["Feeds:Directory"] ?? new FeedsOptions().Directory);
                if (!Directory.Exists(directory))
                {
                    throw new ArgumentException($"the feed directory {directory} does not exist (--feeds, Feeds:Directory)");
                }

                explicitBaseUrl = IsGiven(configurationArgs, given) ? configuration["Site:BaseUrl"] : null;
            });
            var root = Path.GetFullPath(settings.Feeds.Directory);
            // Checked against the URL it was published for: the one given here, else the one the
            // published main feed names as its own, else the configured default.
            var baseUrl = explicitBaseUrl ?? PublishedBaseUrl(root) ?? settings.Site.BaseUrl;
            var issues = new FeedValidator(new Uri(baseUrl)).ValidateDirectory(root, out var checkedFiles);
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

    /// <summary>Whether the base URL was given for this run (--base-url, an argument, the environment), not only by appsettings.json.</summary>
    private static bool IsGiven(string[] configurationArgs, Dictionary<string, string?> given) =>
        given.ContainsKey("Site:BaseUrl")
        || configurationArgs.Any(arg => arg.TrimStart('-').StartsWith("Site:BaseUrl", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("Site__BaseUrl") is not null;

    /// <summary>The base URL the main RSS feed was published for, from its self link; null when there is none to read.</summary>
    private static string? PublishedBaseUrl(string root)
    {
        var rss = Path.Combine(root, "rss.xml");
        if (!File.Exists(rss))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(rss, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var self = XDocument.Load(reader).Descendants(FeedNamespaces.Atom + "link")
                .FirstOrDefault(link => (string?)link.Attribute("rel") == "self")?.Attribute("href")?.Value;
            return self is not null && self.EndsWith("/rss.xml", StringComparison.Ordinal) && Uri.IsWellFormedUriString(self, UriKind.Absolute)
                ? self[..^"rss.xml".Length]
                : null;
        }
        catch (XmlException)
        {
            return null; // the validator reports the broken file itself
        }
    }
}
