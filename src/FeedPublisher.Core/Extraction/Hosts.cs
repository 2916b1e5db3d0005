namespace FeedPublisher.Core.Extraction;

/// <summary>Host names compared the way people think of sites: "www.reuters.com" is reuters.com.</summary>
public static class Hosts
{
    public static string WithoutWww(string host)
    {
        var lower = host.ToLowerInvariant();
        return lower.StartsWith("www.", StringComparison.Ordinal) ? lower[4..] : lower;
    }

    /// <summary>True when both hosts are the same site, or one is a subdomain of the other.</summary>
    public static bool SameSite(string a, string b)
    {
        var (x, y) = (WithoutWww(a), WithoutWww(b));
        return SameOrSubdomain(x, y) || SameOrSubdomain(y, x);
    }

    /// <summary>True when <paramref name="host"/> is <paramref name="parent"/> or one of its subdomains (both without www).</summary>
    public static bool SameOrSubdomain(string host, string parent) =>
        host == parent || IsSubdomain(host, parent);

    private static bool IsSubdomain(string host, string parent) =>
        host.Length > parent.Length && host.EndsWith(parent, StringComparison.Ordinal) && host[host.Length - parent.Length - 1] == '.';
}
