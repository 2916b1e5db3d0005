using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// What a player in a body points at (issue 17). Feeds cannot carry &lt;video&gt;, &lt;audio&gt;
/// or &lt;iframe&gt; safely, and readers strip them anyway; without them a reader saw nothing
/// where the article had a video. So the sanitizer writes a link to the media in their place:
/// for an embedded YouTube, Vimeo or Dailymotion player its watch page (the embed URL is a bare
/// player), for any other iframe its src, for &lt;video&gt; and &lt;audio&gt; the first http(s)
/// src or &lt;source src&gt;, with the video's poster to show. Every URL passes <see cref="UrlPolicy"/>.
/// </summary>
internal static partial class MediaPlayers
{
    public static bool IsPlayer(string name) =>
        name.Equals("video", StringComparison.OrdinalIgnoreCase) || name.Equals("audio", StringComparison.OrdinalIgnoreCase)
        || name.Equals("iframe", StringComparison.OrdinalIgnoreCase);

    /// <summary>The link that stands for the player, or null when it points at nothing allowed (it is then dropped, as before).</summary>
    public static MediaLink? LinkFor(HtmlNode player, Uri baseUrl)
    {
        var title = Title(player);
        if (player.Name.Equals("iframe", StringComparison.OrdinalIgnoreCase))
        {
            return Resolve(player.GetAttributeValue("src", null), baseUrl) is { } src ? new MediaLink(WatchPage(src) ?? src, null, title) : null;
        }

        var media = new[] { player }.Concat(player.ChildNodes.Where(child => child.Name.Equals("source", StringComparison.OrdinalIgnoreCase)))
            .Select(node => Resolve(node.GetAttributeValue("src", null), baseUrl))
            .FirstOrDefault(url => url is not null);
        return media is null ? null : new MediaLink(media, Resolve(player.GetAttributeValue("poster", null), baseUrl), title);
    }

    /// <summary>
    /// Whether a link leads to media rather than to something cited: an audio or video file, or a
    /// watch page this class links players to. Such links are not an article's sources.
    /// </summary>
    public static bool IsMedia(Uri url) =>
        Model.MediaTypes.FromExtension(url) is { } type && (type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal))
        || WatchPage().IsMatch(url.AbsoluteUri);

    private static Uri? Resolve(string? raw, Uri baseUrl) => raw is null ? null : UrlPolicy.Resolve(raw, baseUrl);

    private static string? Title(HtmlNode player) =>
        player.GetAttributeValue("title", null) is { } raw && HtmlDecoding.DecodeLine(raw) is { Length: > 0 } title ? title : null;

    /// <summary>The page a person watches an embedded player's video on, for the hosts whose embed URLs we know.</summary>
    private static Uri? WatchPage(Uri src)
    {
        var host = src.Host.ToLowerInvariant();
        var path = src.AbsolutePath;
        if (host is "www.youtube.com" or "youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com" or "youtube-nocookie.com"
            && YouTubeEmbed().Match(path) is { Success: true } youtube && youtube.Groups["id"].Value != "videoseries")
        {
            return new Uri("https://www.youtube.com/watch?v=" + youtube.Groups["id"].Value);
        }

        if (host == "player.vimeo.com" && VimeoEmbed().Match(path) is { Success: true } vimeo)
        {
            // An unlisted video's embed carries its key as ?h=…; its page is vimeo.com/ID/KEY.
            var key = System.Web.HttpUtility.ParseQueryString(src.Query)["h"] is { } h && VimeoKey().IsMatch(h) ? "/" + h : "";
            return new Uri("https://vimeo.com/" + vimeo.Groups["id"].Value + key);
        }

        if (host is "www.dailymotion.com" or "dailymotion.com" && DailymotionEmbed().Match(path) is { Success: true } dailymotion)
        {
            return new Uri("https://www.dailymotion.com/video/" + dailymotion.Groups["id"].Value);
        }

        return null;
    }

    [GeneratedRegex("^/embed/(?<id>[A-Za-z0-9_-]{11})/?$")]
    private static partial Regex YouTubeEmbed();

    [GeneratedRegex(@"^https://(www\.youtube\.com/watch\?v=[A-Za-z0-9_-]{11}|vimeo\.com/[0-9]{1,15}(/[0-9a-f]{1,40})?|www\.dailymotion\.com/video/[A-Za-z0-9]{1,20})$")]
    private static partial Regex WatchPage();

    [GeneratedRegex("^/video/(?<id>[0-9]{1,15})/?$")]
    private static partial Regex VimeoEmbed();

    [GeneratedRegex("^[0-9a-f]{1,40}$")]
    private static partial Regex VimeoKey();

    [GeneratedRegex("^/embed/video/(?<id>[A-Za-z0-9]{1,20})/?$")]
    private static partial Regex DailymotionEmbed();
}

/// <summary>A player's stand-in: where it links, and the picture to show (a video's poster) with its title as the text, when it has them.</summary>
internal sealed record MediaLink(Uri Href, Uri? Poster, string? Title);
