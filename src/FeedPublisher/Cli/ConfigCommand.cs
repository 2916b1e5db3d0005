using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedPublisher.Configuration;
using FeedPublisher.Hosting;
using FeedPublisher.Storage.Postgres;

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
            var storage = new StorageOptions { Provider = settings.Storage.Provider, ConnectionString = RedactConnectionString(settings.Storage) };
            await Console.Out.WriteLineAsync(Redact(JsonSerializer.Serialize(settings with { Storage = storage }, Json)));
            return ExitCodes.Success;
        }));
        return new Command("config", "Inspect the configuration") { show };
    }

    /// <summary>Passwords in connection strings and credentials in URLs never reach a terminal or a log.</summary>
    public static string Redact(string text) => UrlCredentials().Replace(Secrets().Replace(text, "${key}=***"), "${scheme}***@");

    /// <summary>
    /// A PostgreSQL connection string is redacted by Npgsql's own parser, which knows quoting: a
    /// password with a ';' in it would get past <see cref="Redact"/>'s pattern.
    /// </summary>
    private static string RedactConnectionString(StorageOptions storage) =>
        storage.IsPostgres ? PostgresConnectionString.Redact(storage.ConnectionString) : storage.ConnectionString;

    [GeneratedRegex(@"(?<key>password|pwd|user\s*password|api[_-]?key|token|secret)\s*=\s*[^;""]*", RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)[^/@\s""]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();
}
