using FeedPublisher.Configuration;
using FeedPublisher.Core.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Serving;

/// <summary>
/// The built-in server as a hosted service, so it runs inside <c>run</c>'s generic host beside the
/// scheduler, and alone for <c>serve</c>: Kestrel on Serve:Urls, the feed directory and /healthz.
/// </summary>
public sealed partial class FeedServer(FeedPublisherSettings settings, PublishStatus status, ILoggerFactory loggers, bool publishing) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls(settings.Serve.Urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        _app = builder.Build();

        var endpoint = new FeedFileEndpoint(
            new FeedFileResolver(settings.Feeds.Directory), new EntityTags(), CacheLifetime.FromSchedule(settings.Schedule.Publish),
            new FirstPublishGate(status, publishing, settings.Feeds.Directory), loggers.CreateLogger<FeedFileEndpoint>());
        _app.MapGet("/healthz", () => HealthEndpoint.Handle(status, publishing));
        _app.Map("/{**path}", endpoint.HandleAsync);
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // The operator needs the address and the setting that moves it, not Kestrel's stack.
            throw new ArgumentException(
                $"cannot serve on {settings.Serve.Urls}: the address is already in use (another feedpublisher or web server?). "
                + "Choose a free port with --Serve:Urls=http://127.0.0.1:8081 or the environment variable Serve__Urls.", e);
        }

        var urls = string.Join(", ", _app.Urls);
        var directory = Path.GetFullPath(settings.Feeds.Directory);
        var logger = loggers.CreateLogger<FeedServer>();
        Listening(logger, urls, directory);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Directory} on {Urls}")]
    private static partial void Listening(ILogger logger, string urls, string directory);
}
