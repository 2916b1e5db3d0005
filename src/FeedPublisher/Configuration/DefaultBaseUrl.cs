using System.Net;

namespace FeedPublisher.Configuration;

/// <summary>
/// Site:BaseUrl when it is not set: the first address of Serve:Urls, so the links in the feeds
/// point at the server that serves them, on its port and under the host name it listens on
/// (127.0.0.1 by default, the same name in both). A fixed default would drift from the server the
/// moment its port was changed, and a feed reader would follow links to the old port.
/// </summary>
public static class DefaultBaseUrl
{
    /// <summary>The base URL for these server URLs, or null when the first is not an http(s) URL (reported as Serve:Urls).</summary>
    public static string? From(string serveUrls)
    {
        var first = serveUrls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (!SettingsValidator.IsHttpUrl(first))
        {
            return null;
        }

        var uri = new Uri(first!);
        // Listening on every address (0.0.0.0, [::]) names no host a link could use; this machine's
        // own name for itself works on it. Anything served to others needs Site:BaseUrl anyway.
        var host = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            ? "localhost"
            : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri.AbsoluteUri;
    }
}
