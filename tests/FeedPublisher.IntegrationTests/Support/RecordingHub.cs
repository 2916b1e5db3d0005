using System.Net;
using System.Net.Sockets;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>A real HTTP listener on loopback that records the form bodies POSTed to it, standing in for a WebSub hub.</summary>
public sealed class RecordingHub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public RecordingHub()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort()}/hub/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public List<string> Bodies { get; } = [];

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                lock (Bodies)
                {
                    Bodies.Add(WebUtility.UrlDecode(body));
                }
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
