using System.Text;

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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Uri Remove(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Query.Length <= 1)
        {
            return url;
        }

        var query = url.Query.AsSpan(1);
        var kept = new StringBuilder(query.Length);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.Length > 0 && !IsTracking(pair.IndexOf('=') is var equals and >= 0 ? pair[..equals] : pair))
            {
                (kept.Length > 0 ? kept.Append('&') : kept).Append(pair);
            }
        }

        var builder = new UriBuilder(url) { Query = kept.ToString() };
        return builder.Uri;
    }

    private static bool IsTracking(ReadOnlySpan<char> name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || NamesBySpan.Contains(name);
}
