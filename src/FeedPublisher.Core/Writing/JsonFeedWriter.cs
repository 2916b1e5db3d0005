using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Keys in a fixed order, dates in RFC 3339,
/// text unescaped where JSON allows it, so the file is byte-stable and readable. The sources are
/// also given as the extension <c>_sources</c> for tools that want them as data.
/// </summary>
public sealed class JsonFeedWriter : IFeedWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string FileName => "feed.json";

    public void Write(FeedDocument feed, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            WriteFeed(json, feed);
        }

        output.WriteByte((byte)'\n');
    }

    private void WriteFeed(Utf8JsonWriter json, FeedDocument feed)
    {
        json.WriteStartObject();
        json.WriteString("version", "https://jsonfeed.org/version/1.1");
        json.WriteString("title", feed.Title);
        json.WriteString("home_page_url", feed.HomePage.AbsoluteUri);
        json.WriteString("feed_url", feed.UrlOf(FileName).AbsoluteUri);
        json.WriteString("description", feed.Description);
        WriteChannelIcons(json, feed.Channel);
        json.WriteString("language", feed.Language);
        WriteFeedAuthor(json, feed);
        if (feed.Hub is { } hub)
        {
            json.WriteStartArray("hubs");
            json.WriteStartObject();
            json.WriteString("type", "WebSub");
            json.WriteString("url", hub.AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("items");
        foreach (var entry in feed.Entries)
        {
            WriteItem(json, entry, feed.Language);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry, string feedLanguage)
    {
        var article = entry.Article;
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("url", entry.Link.AbsoluteUri);
        json.WriteString("title", article.Title);
        if (entry.ContentHtml is not null)
        {
            json.WriteString("content_html", entry.ContentHtml);
        }
        else
        {
            json.WriteString("content_text", article.Summary);
        }

        json.WriteString("summary", article.Summary);
        if (article.Image is { } image)
        {
            json.WriteString("image", image.AbsoluteUri);
        }

        json.WriteString("date_published", Rfc3339(article.Published));
        json.WriteString("date_modified", Rfc3339(article.Updated));
        if (article.Authors.Count > 0)
        {
            WriteAuthors(json, article.Authors, article.AuthorUrls);
        }

        if (article.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            article.Categories.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }

        json.WriteString("language", article.Language ?? feedLanguage);
        if (article.Origin is { } origin)
        {
            json.WriteString("external_url", origin.Url.AbsoluteUri);
        }

        WriteAttachments(json, article.Attachments);
        if (article.Sources.Count > 0)
        {
            json.WriteStartArray("_sources");
            foreach (var source in article.Sources)
            {
                json.WriteStartObject();
                json.WriteString("name", source.Name);
                json.WriteString("url", source.Url.AbsoluteUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>JSON Feed 1.1 <c>attachments</c>: url and mime_type always, the rest when known.</summary>
    private static void WriteAttachments(Utf8JsonWriter json, IReadOnlyList<MediaAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        json.WriteStartArray("attachments");
        foreach (var attachment in attachments)
        {
            json.WriteStartObject();
            json.WriteString("url", attachment.Url.AbsoluteUri);
            json.WriteString("mime_type", attachment.MediaType);
            if (attachment.Title is { } title)
            {
                json.WriteString("title", title);
            }

            if (attachment.Length is { } length)
            {
                json.WriteNumber("size_in_bytes", length);
            }

            if (attachment.Duration is { } duration)
            {
                json.WriteNumber("duration_in_seconds", duration);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>JSON Feed's <c>icon</c> is the large picture (512×512 recommended) and <c>favicon</c> the small one.</summary>
    private static void WriteChannelIcons(Utf8JsonWriter json, ChannelIdentity? channel)
    {
        if (channel?.Image is { } image)
        {
            json.WriteString("icon", image.AbsoluteUri);
        }

        if (channel?.Icon is { } icon)
        {
            json.WriteString("favicon", icon.AbsoluteUri);
        }
    }

    /// <summary>
    /// The feed's author: the publisher when any of it is set, else the feed's title as
    /// before. A JSON Feed author has no email; the spec allows a mailto: URL in its place.
    /// </summary>
    private static void WriteFeedAuthor(Utf8JsonWriter json, FeedDocument feed)
    {
        var channel = feed.Channel;
        if (channel is null || !channel.HasPublisher())
        {
            WriteAuthors(json, [feed.Title]);
            return;
        }

        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", channel.PublisherName ?? feed.Title);
        if ((channel.PublisherUrl?.AbsoluteUri ?? (channel.PublisherEmail is { } email ? "mailto:" + email : null)) is { } url)
        {
            json.WriteString("url", url);
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteAuthors(Utf8JsonWriter json, IEnumerable<string> names, IReadOnlyDictionary<string, Uri>? urls = null)
    {
        json.WriteStartArray("authors");
        foreach (var name in names)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            if (urls?.GetValueOrDefault(name) is { } url)
            {
                json.WriteString("url", url.AbsoluteUri);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Rfc3339(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
