using System.Xml.Linq;

namespace FeedPublisher.Core.Writing.Rules;

/// <summary>RSS 2.0 as the W3C Feed Validation Service judges it, plus what aggregators rely on.</summary>
internal sealed class RssRules : IFeedRules
{
    public IReadOnlyList<string> Check(byte[] file, string? expectedSelf)
    {
        var document = XmlRules.Load(file);
        return [.. XmlRules.Check(document), .. CheckFeed(document, expectedSelf)];
    }

    private static IEnumerable<string> CheckFeed(XDocument document, string? expectedSelf)
    {
        var root = document.Root!;
        if (root.Name != "rss" || (string?)root.Attribute("version") != "2.0")
        {
            yield return "the root must be <rss version=\"2.0\">";
            yield break;
        }

        var channel = root.Element("channel");
        if (channel is null)
        {
            yield return "<channel> is missing";
            yield break;
        }

        foreach (var required in new[] { "title", "link", "description" })
        {
            if (string.IsNullOrWhiteSpace((string?)channel.Element(required)))
            {
                yield return $"<channel> needs a <{required}>";
            }
        }

        if (channel.Element("language") is null)
        {
            yield return "<channel> has no <language>";
        }

        if (channel.Element("image") is { } image)
        {
            // RSS 2.0: an image has url, title and link; the W3C validator also wants its url absolute.
            if (!FeedRules.IsAbsoluteHttp((string?)image.Element("url")) || string.IsNullOrWhiteSpace((string?)image.Element("title"))
                || !FeedRules.IsAbsoluteHttp((string?)image.Element("link")))
            {
                yield return "<image> needs an absolute <url>, a <title> and an absolute <link>";
            }
        }

        var self = channel.Elements(FeedNamespaces.Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "self");
        if (self is null)
        {
            yield return "no <atom:link rel=\"self\">";
        }
        else if (expectedSelf is not null && (string?)self.Attribute("href") != expectedSelf)
        {
            yield return $"the self link is {(string?)self.Attribute("href")}, not the feed's published URL {expectedSelf}";
        }

        foreach (var date in channel.Elements("lastBuildDate").Concat(channel.Elements("item").Elements("pubDate")))
        {
            if (!FeedRules.IsRfc822(date.Value))
            {
                yield return $"<{date.Name.LocalName}> '{date.Value}' is not RFC 822 with a numeric zone or GMT";
            }
        }

        var guids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, n) in channel.Elements("item").Select((item, i) => (item, i + 1)))
        {
            var title = (string?)item.Element("title") ?? "";
            if (title.Trim().Length == 0 || FeedRules.HasMarkup(title))
            {
                yield return $"item {n}: the title must be plain, non-empty text";
            }

            if (!FeedRules.IsAbsoluteHttp((string?)item.Element("link")))
            {
                yield return $"item {n}: <link> must be an absolute URL";
            }

            // Ours are urn:uuid: (isPermaLink="false"); an item imported from another feed keeps its GUID, and
            // one that is an http URL is written as a permalink, as RSS 2.0 allows.
            var guid = item.Element("guid");
            var permaLink = (string?)guid?.Attribute("isPermaLink") is null or "true";
            if (guid is null || (permaLink && !FeedRules.IsAbsoluteHttp(guid.Value)) || !guids.Add(guid.Value))
            {
                yield return $"item {n}: needs a unique <guid isPermaLink=\"false\">, or one that is its absolute URL";
            }

            foreach (var problem in CheckMedia(item, n))
            {
                yield return problem;
            }

            foreach (var url in FeedRules.NonAbsoluteUrlsInHtml((string?)item.Element(FeedNamespaces.Content + "encoded") ?? ""))
            {
                yield return $"item {n}: content:encoded has a URL that is not absolute: {url}";
            }
        }
    }

    /// <summary>
    /// RSS 2.0 allows one enclosure per item, with url, length (a number of bytes) and type; Media
    /// RSS's content and thumbnail need a url. The W3C validator wants every such URL absolute.
    /// </summary>
    private static IEnumerable<string> CheckMedia(XElement item, int n)
    {
        var enclosures = item.Elements("enclosure").ToList();
        if (enclosures.Count > 1)
        {
            yield return $"item {n}: more than one <enclosure>";
        }

        foreach (var enclosure in enclosures.Where(e => !FeedRules.IsAbsoluteHttp((string?)e.Attribute("url"))
            || !long.TryParse((string?)e.Attribute("length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || string.IsNullOrEmpty((string?)e.Attribute("type"))))
        {
            yield return $"item {n}: <enclosure> needs an absolute url, a length in bytes and a type";
        }

        foreach (var media in item.Elements(FeedNamespaces.MediaRss + "content").Concat(item.Elements(FeedNamespaces.MediaRss + "thumbnail"))
            .Where(m => !FeedRules.IsAbsoluteHttp((string?)m.Attribute("url"))))
        {
            yield return $"item {n}: <media:{media.Name.LocalName}> needs an absolute url";
        }
    }
}
