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
        return x == y || x.EndsWith("." + y, StringComparison.Ordinal) || y.EndsWith("." + x, StringComparison.Ordinal);
    }
}
