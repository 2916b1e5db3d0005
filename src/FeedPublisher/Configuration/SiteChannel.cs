using System.Net.Mail;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Configuration;

/// <summary>
/// The Site section's identity keys as the Core's <see cref="ChannelIdentity"/>, and what is wrong
/// with them, each problem naming its key. URLs pass the same <see cref="UrlPolicy"/> as every URL
/// of an article (http and https only), and a path is resolved against Site:BaseUrl, so
/// <c>logo.png</c> is the file beside the feeds.
/// </summary>
internal static class SiteChannel
{
    /// <summary>A week: readers that honour ttl would otherwise miss a whole week of articles.</summary>
    public const int MaxTtlMinutes = 7 * 24 * 60;

    /// <summary>The identity, or null when no key of it is set (the feeds are then as before).</summary>
    public static ChannelIdentity? Resolve(SiteOptions site)
    {
        var channel = new ChannelIdentity
        {
            Image = Url(site.Image, site.BaseUrl),
            Icon = Url(site.Icon, site.BaseUrl),
            Copyright = Text(site.Copyright),
            PublisherName = Text(site.PublisherName),
            PublisherEmail = Text(site.PublisherEmail),
            PublisherUrl = Url(site.PublisherUrl, site.BaseUrl),
            TtlMinutes = site.Ttl,
        };
        return channel == new ChannelIdentity() ? null : channel;
    }

    public static IEnumerable<string> Problems(SiteOptions site)
    {
        foreach (var (key, value, example) in new[] { ("Image", site.Image, "logo.png"), ("Icon", site.Icon, "favicon.png"), ("PublisherUrl", site.PublisherUrl, "about/") })
        {
            // A bad base URL is reported on its own; a path cannot be judged without it.
            if (Text(value) is not null && Url(value, site.BaseUrl) is null && (IsAbsolute(value) || SettingsValidator.IsHttpUrl(site.BaseUrl)))
            {
                yield return $"Site:{key}: '{value}' is not an http(s) URL or a path below Site:BaseUrl (for example https://news.example.com/{example} or {example})";
            }
        }

        if (Text(site.PublisherEmail) is { } email && !IsEmail(email))
        {
            yield return $"Site:PublisherEmail: '{email}' is not an email address (for example desk@news.example.com)";
        }

        if (site.Ttl is < 1 or > MaxTtlMinutes)
        {
            yield return $"Site:Ttl: must be between 1 and {MaxTtlMinutes} minutes (a week), not {site.Ttl}";
        }
    }

    /// <summary>One line of text, or null: a character XML forbids would make the writer throw halfway through a feed.</summary>
    private static string? Text(string value) => TextHygiene.CleanLine(value) is { Length: > 0 } line ? line : null;

    private static Uri? Url(string value, string baseUrl)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        // As SiteInfo.Root: a base without its trailing slash still has the feeds beneath it.
        var root = Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var parsed) ? parsed : null;
        return root is not null ? UrlPolicy.ResolveDecoded(text, root)
            : IsAbsolute(text) ? UrlPolicy.ResolveDecoded(text, new Uri(text)) : null;
    }

    private static bool IsAbsolute(string value) => Uri.TryCreate(value.Trim(), UriKind.Absolute, out _);

    /// <summary>One bare address: it is written as "email (Name)", so no display name, spaces or parentheses.</summary>
    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.IndexOfAny([' ', '(', ')', '<', '>']) < 0;
}
