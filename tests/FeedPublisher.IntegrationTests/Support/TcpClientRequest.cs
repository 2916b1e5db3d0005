using System.Net.Sockets;
using System.Text;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// A raw HTTP/1.1 GET over a socket, so a test can send a path exactly as written ("/../x",
/// "%2e%2e") without a client library normalizing it first, as an attacker would.
/// </summary>
public sealed class TcpClientRequest(Uri baseUrl) : IDisposable
{
    private readonly TcpClient _client = new();

    public async Task<int> GetStatusAsync(string rawPath)
    {
        await _client.ConnectAsync(baseUrl.Host, baseUrl.Port);
        var stream = _client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {rawPath} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? "";
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _client.Dispose();
}
