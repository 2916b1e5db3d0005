using FeedPublisher.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Hosting;

/// <summary>
/// Builds the generic host that every command runs in. Configuration comes, later winning, from
/// appsettings.json beside the program, environment variables (Site__BaseUrl=...,
/// Storage__ConnectionString=..., the way to hand over a database password), the
/// <c>--Section:Key=value</c> arguments, and the named options (--articles, --feeds, ...).
/// </summary>
public static class HostFactory
{
    public static (HostApplicationBuilder Builder, FeedPublisherSettings Settings) Create(
        IReadOnlyList<string> configurationArgs, IReadOnlyDictionary<string, string?> overrides, Action<IConfiguration>? beforeLoading = null)
    {
        // The host's defaults, less what a command that starts in a blink does not need: settings are
        // read once, so no file watchers for reloading them, and no logging providers but ours.
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environment,
        });
        builder.Configuration
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configurationArgs])
            .AddInMemoryCollection(overrides);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // A host that fails to start logs the exception with its stack; the command prints the
        // same failure as one clear line (CommandRunner), so the host's copy is left out.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            // One JSON object per line, for journald, Loki, Elasticsearch and friends.
            builder.Logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }

        // Console logging goes to stderr, keeping stdout for the commands' own output.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // A command's own checks of the raw configuration, before loading it creates any folder.
        beforeLoading?.Invoke(builder.Configuration);
        var settings = FeedPublisherSettings.Load(builder.Configuration);
        builder.Services.AddFeedPublisher(settings);
        return (builder, settings);
    }
}
