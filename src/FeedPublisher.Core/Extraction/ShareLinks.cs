namespace FeedPublisher.Core.Extraction;

/// <summary>Links that share the article rather than cite anything: share buttons and intent URLs.</summary>
public static class ShareLinks
{
    private static readonly (string Host, string PathPrefix)[] Known =
    [
        ("twitter.com", "/intent"), ("twitter.com", "/share"), ("x.com", "/intent"), ("x.com", "/share"),
        ("facebook.com", "/sharer"), ("facebook.com", "/dialog/share"), ("facebook.com", "/share"),
        ("linkedin.com", "/shareArticle"), ("linkedin.com", "/sharing"), ("reddit.com", "/submit"),
        ("pinterest.com", "/pin/create"), ("wa.me", "/"), ("api.whatsapp.com", "/send"), ("whatsapp.com", "/send"),
        ("t.me", "/share"), ("telegram.me", "/share"), ("news.ycombinator.com", "/submitlink"),
        ("getpocket.com", "/save"), ("tumblr.com", "/share"), ("tumblr.com", "/widgets/share"), ("buffer.com", "/add"),
        ("mastodonshare.com", "/"), ("bsky.app", "/intent"), ("threads.net", "/intent"), ("flipboard.com", "/bookmarklet"),
    ];

    public static bool IsShareLink(Uri url)
    {
        if (url.Scheme is "mailto" or "sms" or "tel")
        {
            return true;
        }

        var host = Hosts.WithoutWww(url.Host);
        foreach (var (knownHost, pathPrefix) in Known)
        {
            if (Hosts.SameOrSubdomain(host, knownHost) && url.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
