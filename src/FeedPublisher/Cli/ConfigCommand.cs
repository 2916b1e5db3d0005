using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedPublisher.Hosting;

namespace FeedPublisher.Cli;

/// <summary><c>config show</c>: the effective configuration, after every source and default, with secrets redacted.</summary>
public static partial class ConfigCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CommonOptions options, string[] configurationArgs)
    {
        var show = new Command("show", "Print the effective configuration (secrets redacted) and exit");
        show.SetAction((result, _) => CommandRunner.RunAsync(async () =>
        {
            var (_, settings) = HostFactory.Create(configurationArgs, options.ToConfiguration(result));
            await Console.Out.WriteLineAsync(Redact(JsonSerializer.Serialize(settings, Json)));
            return ExitCodes.Success;
        }));
        return new Command("config", "Inspect the configuration") { show };
    }

    /// <summary>Passwords in connection strings and credentials in URLs never reach a terminal or a log.</summary>
    public static string Redact(string text) => UrlCredentials().Replace(Secrets().Replace(text, "${key}=***"), "${scheme}***@");

    [GeneratedRegex(@"(?<key>password|pwd|user\s*password|api[_-]?key|token|secret)\s*=\s*[^;""]*", RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)[^/@\s""]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();
}
