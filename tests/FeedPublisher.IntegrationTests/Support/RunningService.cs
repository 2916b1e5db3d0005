using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// A real feedpublisher process (run or serve) on a free loopback port: started, waited for
/// until /healthz answers, and stopped with SIGTERM like systemd does.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private RunningService(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; } = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = TimeSpan.FromSeconds(30) };

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Started, and for <c>run</c> its first publish finished.</summary>
    public static Task<RunningService> StartAsync(string workingDirectory, string command, params string[] args) =>
        StartAsync(workingDirectory, command, untilPublished: command == "run", withBaseUrl: true, args);

    /// <summary>
    /// Started and listening, whether or not a first publish has finished; Site:BaseUrl is left to
    /// the configuration (unset, it follows Serve:Urls) unless <paramref name="withBaseUrl"/>.
    /// </summary>
    public static Task<RunningService> StartListeningAsync(string workingDirectory, string command, bool withBaseUrl, params string[] args) =>
        StartAsync(workingDirectory, command, untilPublished: false, withBaseUrl, args);

    private static async Task<RunningService> StartAsync(string workingDirectory, string command, bool untilPublished, bool withBaseUrl, string[] args)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        string[] site = withBaseUrl ? [$"--Site:BaseUrl={baseUrl}"] : [];
        var process = FeedPublisherCli.Start(workingDirectory,
            [command, .. args, $"--Serve:Urls=http://127.0.0.1:{port}", .. site, "--Logging:LogLevel:FeedPublisher.Serving=Debug"]);
        var service = new RunningService(process, baseUrl);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"feedpublisher {command} exited with {(process.HasExited ? process.ExitCode : 0)}:\n{service.Log}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"feedpublisher {command} did not answer /healthz within 60 s:\n{service.Log}");
            try
            {
                using var health = await service.Http.GetAsync(new Uri(baseUrl, "healthz"));
                if (health.IsSuccessStatusCode && (!untilPublished || (await health.Content.ReadAsStringAsync()).Contains("\"result\":\"ok\"", StringComparison.Ordinal)))
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGTERM, then the exit code; the process is killed if it does not stop within the limit.</summary>
    public async Task<int> StopAsync(TimeSpan? limit = null)
    {
        if (!_process.HasExited)
        {
            FeedPublisherCli.Terminate(_process);
        }

        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"feedpublisher did not stop on SIGTERM:\n{Log}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
