using System.Xml.Linq;

namespace FeedPublisher.Core.Writing.Rules;

/// <summary>Atom 1.0 (RFC 4287) as the W3C Feed Validation Service judges it.</summary>
internal sealed class AtomRules : IFeedRules
{
    private static readonly XNamespace A = FeedNamespaces.Atom;

    public IReadOnlyList<string> Check(byte[] file, string? expectedSelf)
    {
        var document = XmlRules.Load(file);
        return [.. XmlRules.Check(document), .. CheckFeed(document, expectedSelf)];
    }

    private static IEnumerable<string> CheckFeed(XDocument document, string? expectedSelf)
    {
        var feed = document.Root!;
        if (feed.Name != A + "feed")
        {
            yield return "the root must be an Atom <feed>";
            yield break;
        }

        foreach (var problem in CheckIdAndUpdated(feed, "the feed"))
        {
            yield return problem;
        }

        if (feed.Attribute(XNamespace.Xml + "lang") is null)
        {
            yield return "the feed has no xml:lang";
        }

        var self = feed.Elements(A + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "self");
        if (self is null || (expectedSelf is not null && (string?)self.Attribute("href") != expectedSelf))
        {
            yield return $"the self link must be the feed's published URL{(expectedSelf is null ? "" : " " + expectedSelf)}";
        }

        foreach (var name in new[] { "logo", "icon" })
        {
            // RFC 4287: at most one of each, an IRI; ours are absolute http(s), as every URL we write.
            var pictures = feed.Elements(A + name).ToList();
            if (pictures.Count > 1 || pictures.Any(p => !FeedRules.IsAbsoluteHttp(p.Value)))
            {
                yield return $"<{name}> must appear at most once and be an absolute URL";
            }
        }

        var feedHasAuthor = feed.Elements(A + "author").Any();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, n) in feed.Elements(A + "entry").Select((e, i) => (e, i + 1)))
        {
            foreach (var problem in CheckIdAndUpdated(entry, $"entry {n}"))
            {
                yield return problem;
            }

            if (!ids.Add((string?)entry.Element(A + "id") ?? ""))
            {
                yield return $"entry {n}: its id is not unique";
            }

            if (!feedHasAuthor && !entry.Elements(A + "author").Any())
            {
                yield return $"entry {n}: no author, and none on the feed";
            }

            var title = (string?)entry.Element(A + "title") ?? "";
            if (title.Trim().Length == 0 || FeedRules.HasMarkup(title))
            {
                yield return $"entry {n}: the title must be plain, non-empty text";
            }

            foreach (var link in entry.Elements(A + "link").Where(l => !FeedRules.IsAbsoluteHttp((string?)l.Attribute("href"))))
            {
                yield return $"entry {n}: link {(string?)link.Attribute("href")} is not absolute";
            }

            foreach (var url in FeedRules.NonAbsoluteUrlsInHtml((string?)entry.Element(A + "content") ?? ""))
            {
                yield return $"entry {n}: content has a URL that is not absolute: {url}";
            }

            foreach (var problem in entry.Elements(A + "source").SelectMany(source => CheckSource(source, $"entry {n}: <source>")))
            {
                yield return problem;
            }
        }
    }

    /// <summary>
    /// The feed an entry came from: the validator asks its id, title and updated (which RFC 4287
    /// 4.2.11 says should be kept from the origin) and a link to it. Its id is the origin's,
    /// any absolute IRI, not one of ours.
    /// </summary>
    private static IEnumerable<string> CheckSource(XElement source, string what)
    {
        if (!Uri.IsWellFormedUriString((string?)source.Element(A + "id") ?? "", UriKind.Absolute))
        {
            yield return $"{what} has no absolute <id>";
        }

        if (((string?)source.Element(A + "title") ?? "").Trim().Length == 0)
        {
            yield return $"{what} has no <title>";
        }

        if (!FeedRules.IsRfc3339((string?)source.Element(A + "updated") ?? ""))
        {
            yield return $"{what} has no RFC 3339 <updated>";
        }

        if (!source.Elements(A + "link").Any(l => FeedRules.IsAbsoluteHttp((string?)l.Attribute("href"))))
        {
            yield return $"{what} has no absolute link";
        }
    }

    private static IEnumerable<string> CheckIdAndUpdated(XElement element, string what)
    {
        var id = (string?)element.Element(A + "id") ?? "";
        // Ours are urn:uuid:; an entry imported from another feed keeps that feed's id, often an http URL (RFC 4287: any IRI).
        if (!Uri.IsWellFormedUriString(id, UriKind.Absolute))
        {
            yield return $"{what}: <id> '{id}' must be an absolute URI";
        }

        var updated = (string?)element.Element(A + "updated") ?? "";
        if (!FeedRules.IsRfc3339(updated))
        {
            yield return $"{what}: <updated> '{updated}' is not an RFC 3339 date";
        }
    }
}
