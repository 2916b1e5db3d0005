namespace FeedPublisher.Core.Html;

/// <summary>Strips the query parameters that only track readers (utm_*, fbclid, ...) from a URL.</summary>
public static class TrackingParameters
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc",
        "_hsmi", "mkt_tok", "ref_src", "ref_url", "cmpid", "ocid", "s_cid", "ncid", "sr_share", "at_medium",
        "at_campaign", "guccounter", "soc_src", "soc_trk", "spm", "twclid", "ttclid", "li_fat_id", "oly_anon_id", "oly_enc_id",
    };

    public static Uri Remove(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Query.Length <= 1)
        {
            return url;
        }

        var kept = url.Query[1..].Split('&')
            .Where(pair => pair.Length > 0 && !IsTracking(pair.Split('=', 2)[0]))
            .ToList();
        var builder = new UriBuilder(url) { Query = string.Join('&', kept) };
        return builder.Uri;
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Names.Contains(name);
}
