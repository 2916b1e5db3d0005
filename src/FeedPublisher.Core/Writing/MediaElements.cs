using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml.Linq;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// An article's picture and files in RSS and Atom (issue 17).
/// <para>
/// RSS: the first attachment is the item's <c>enclosure</c> (RSS 2.0 allows one per item, and
/// podcast apps play that one), with <c>length="0"</c> when its size is not known: RSS requires
/// the attribute, and the RSS Best Practices Profile asks for 0 when the size cannot be
/// determined. The other attachments are Media RSS <c>media:content</c>; the picture is
/// <c>media:content medium="image"</c> beside a <c>media:thumbnail</c>, which Feedly, Miniflux,
/// NetNewsWire and the Universal Feed Parser show in their lists.
/// </para>
/// <para>
/// Atom: every attachment, then the picture, is a <c>link rel="enclosure"</c> (RFC 4287 4.2.7.2),
/// without <c>length</c> when unknown (Atom lets it be absent rather than false). The picture also
/// gets a <c>media:thumbnail</c>, as YouTube's Atom feeds write theirs: readers take an entry's
/// thumbnail from there (Miniflux, FreshRSS, Feedly), while an enclosure reads as a file to
/// download, so a picture given only as one is shown as an attachment, not beside the title.
/// </para>
/// </summary>
internal static class MediaElements
{
    private static readonly XNamespace Media = FeedNamespaces.MediaRss;

    /// <summary>Whether any entry writes Media RSS, so that its namespace is declared on the root only then.</summary>
    public static bool UseMediaRss(FeedDocument feed, bool atom) =>
        feed.Entries.Any(entry => entry.Article.Image is not null || (!atom && entry.Article.Attachments.Count > 1));

    public static void AddToRss(SyndicationItem item, Article article)
    {
        if (article.Attachments.Count > 0)
        {
            var first = article.Attachments[0];
            item.ElementExtensions.Add(new XElement("enclosure",
                new XAttribute("url", first.Url.AbsoluteUri),
                new XAttribute("length", (first.Length ?? 0).ToString(CultureInfo.InvariantCulture)),
                new XAttribute("type", first.MediaType)));
            foreach (var attachment in article.Attachments.Skip(1))
            {
                item.ElementExtensions.Add(MediaContent(attachment));
            }
        }

        if (article.Image is { } image)
        {
            item.ElementExtensions.Add(new XElement(Media + "content",
                new XAttribute("url", image.AbsoluteUri),
                new XAttribute("medium", "image"),
                MediaTypes.FromExtension(image) is { } type ? new XAttribute("type", type) : null));
            item.ElementExtensions.Add(Thumbnail(image));
        }
    }

    public static void AddToAtom(SyndicationItem item, Article article)
    {
        foreach (var attachment in article.Attachments)
        {
            // Syndication leaves length out when it is 0.
            item.Links.Add(new SyndicationLink(attachment.Url, "enclosure", attachment.Title, attachment.MediaType, attachment.Length ?? 0));
        }

        if (article.Image is { } image)
        {
            item.Links.Add(new SyndicationLink(image, "enclosure", null, MediaTypes.FromExtension(image), 0));
            item.ElementExtensions.Add(Thumbnail(image));
        }
    }

    private static XElement Thumbnail(Uri image) => new(Media + "thumbnail", new XAttribute("url", image.AbsoluteUri));

    /// <summary>An attachment as Media RSS: its type, size and duration when known, and what kind of medium it is.</summary>
    private static XElement MediaContent(MediaAttachment attachment) => new(Media + "content",
        new XAttribute("url", attachment.Url.AbsoluteUri),
        new XAttribute("type", attachment.MediaType),
        Medium(attachment.MediaType) is { } medium ? new XAttribute("medium", medium) : null,
        attachment.Length is { } length ? new XAttribute("fileSize", length.ToString(CultureInfo.InvariantCulture)) : null,
        attachment.Duration is { } duration ? new XAttribute("duration", duration.ToString(CultureInfo.InvariantCulture)) : null,
        attachment.Title is { } title ? new XElement(Media + "title", new XAttribute("type", "plain"), title) : null);

    /// <summary>Media RSS's <c>medium</c>: image, audio, video or document; none for other types.</summary>
    private static string? Medium(string mediaType) => mediaType.Split('/')[0] switch
    {
        "image" or "audio" or "video" => mediaType.Split('/')[0],
        _ when mediaType == "application/pdf" => "document",
        _ => null,
    };
}
