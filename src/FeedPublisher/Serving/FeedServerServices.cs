using FeedPublisher.Configuration;
using FeedPublisher.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Serving;

/// <summary>Adds the built-in feed server to a host.</summary>
public static class FeedServerServices
{
    public static IServiceCollection AddFeedServer(this IServiceCollection services, FeedPublisherSettings settings, bool publishing) =>
        services.AddHostedService(sp => new FeedServer(settings, sp.GetRequiredService<PublishStatus>(), sp.GetRequiredService<ILoggerFactory>(), publishing));
}
