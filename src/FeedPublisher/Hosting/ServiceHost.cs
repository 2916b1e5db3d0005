using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Hosting;

/// <summary>
/// Runs a long-lived command's host (run, serve) until SIGTERM or Ctrl+C, and then says in one
/// line what stopped. The operator (and systemd's journal) otherwise sees the log simply end, and
/// cannot tell a clean stop from a crash.
/// </summary>
public static partial class ServiceHost
{
    /// <param name="parts">What the host runs, as the line names it: "scheduler and server".</param>
    public static async Task RunUntilStoppedAsync(IHost host, string parts)
    {
        // Not IHost.RunAsync: it disposes the host, and with it the loggers, before it returns.
        // The line is written only once StopAsync has returned: a publish under way has finished
        // and the server has closed its connections, so "cleanly" is true when it is printed.
        await host.StartAsync();
        await host.WaitForShutdownAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceHost).FullName!);
        Stopped(logger, parts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped: {Parts} shut down cleanly")]
    private static partial void Stopped(ILogger logger, string parts);
}
