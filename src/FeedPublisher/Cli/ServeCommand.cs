using System.CommandLine;
using FeedPublisher.Hosting;
using FeedPublisher.Serving;
using Microsoft.Extensions.Hosting;

namespace FeedPublisher.Cli;

/// <summary><c>serve</c>: only the built-in server, on a feed directory that something else publishes.</summary>
public static class ServeCommand
{
    public static Command Create(CommonOptions options, string[] configurationArgs)
    {
        var command = new Command("serve", "Serve the feed directory over HTTP (ETag, Last-Modified, 304, gzip) until stopped");
        command.SetAction((result, _) => CommandRunner.RunAsync(async () =>
        {
            var (builder, settings) = HostFactory.Create(configurationArgs, options.ToConfiguration(result));
            builder.Services.AddSystemd();
            builder.Services.AddFeedServer(settings, publishing: false);
            using var host = builder.Build();
            await ServiceHost.RunUntilStoppedAsync(host, "server");
            return ExitCodes.Success;
        }));
        return command;
    }
}
