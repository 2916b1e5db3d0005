using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>The feed formats <c>import</c> reads as a whole site, one article per item.</summary>
public enum FeedDocumentKind
{
    Rss,
    Atom,
    JsonFeed,
    /// <summary>A WordPress export: RSS 2.0 with the <c>wp:</c> namespace.</summary>
    Wxr,
}

/// <summary>
/// One item of a feed document: where it is (its index from 1, and its GUID or id) and its draft,
/// or why it was refused. <see cref="Text"/> is the item as written (with what it takes from the feed, such as its authors), so that importing the same
/// item again is seen to change nothing.
/// </summary>
public sealed record FeedItem(int Index, string? Identity, ArticleDraft? Draft, string? Refused, string Text)
{
    public string Where => Identity is null ? $"item {Index}" : $"item {Index} ({Identity})";
}

/// <summary>What a feed document gave: its format, its items, and how many it left out on purpose (WordPress pages, attachments).</summary>
public sealed record FeedRead(FeedDocumentKind Kind, IReadOnlyList<FeedItem> Items, int Skipped);

/// <summary>
/// A feed given to <c>import</c> (RSS 2.0, Atom 1.0, JSON Feed 1.0/1.1, a WordPress export),
/// told by its content and not its name: a <c>.xml</c> may be any of the XML three, a
/// <c>.json</c> a feed or one article. Every parse is bounded (size, depth, item count, no DTD
/// and so no entity expansion), so that a hostile export is refused quickly; an item that cannot be
/// used is refused alone, the others go on.
/// </summary>
public static class FeedDocuments
{
    /// <summary>A whole site's export is larger than any article: 64 MiB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public const int MaxItems = 50_000;

    public const int MaxDepth = 64;

    internal static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>What kind of feed the bytes are, or null when they are not one (an article file).</summary>
    public static FeedDocumentKind? Detect(byte[] bytes)
    {
        var text = WithoutBomAndSpace(bytes);
        if (text.IsEmpty)
        {
            return null;
        }

        if (text[0] == (byte)'{')
        {
            try
            {
                using var json = JsonDocument.Parse(bytes.AsMemory(bytes.Length - text.Length), JsonOptions);
                return JsonFeedReader.IsFeed(json.RootElement) ? FeedDocumentKind.JsonFeed : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        if (text[0] != (byte)'<')
        {
            return null;
        }

        try
        {
            // Only the root element is looked at; a DOCTYPE is skipped here and refused by the read.
            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings(DtdProcessing.Ignore));
            reader.MoveToContent();
            return (reader.LocalName, reader.NamespaceURI) switch
            {
                ("rss", "") => HasWordPressNamespace(reader) ? FeedDocumentKind.Wxr : FeedDocumentKind.Rss,
                ("feed", var ns) when ns == Atom.NamespaceName => FeedDocumentKind.Atom,
                _ => null,
            };
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>
    /// The JSON Feed item that the bytes are, when they are one on their own (an object with
    /// <c>content_html</c> or <c>content_text</c> and neither of a JSON article's body keys); null
    /// for anything else, which the JSON article reader then reads or refuses.
    /// </summary>
    public static FeedItem? SingleJsonFeedItem(byte[] bytes) => JsonFeedReader.ReadItem(bytes);

    /// <summary>The items of a feed document of <paramref name="kind"/>; throws <see cref="ArticleRejectedException"/> when the document as a whole cannot be read.</summary>
    public static FeedRead Read(byte[] bytes, FeedDocumentKind kind)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new ArticleRejectedException($"the feed is {bytes.Length:N0} bytes, over the limit of {MaxBytes:N0}");
        }

        var read = kind switch
        {
            FeedDocumentKind.JsonFeed => JsonFeedReader.Read(bytes),
            FeedDocumentKind.Atom => AtomFeedReader.Read(LoadXml(bytes)),
            _ => RssFeedReader.Read(LoadXml(bytes), kind == FeedDocumentKind.Wxr),
        };
        return read.Items.Count + read.Skipped > MaxItems
            ? throw new ArticleRejectedException($"the feed has {read.Items.Count + read.Skipped:N0} items, over the limit of {MaxItems:N0}")
            : read;
    }

    internal static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The document, refused when it has a DTD (no entity can expand or fetch anything) or is
    /// nested deeper than <see cref="MaxDepth"/> (HTML bodies are text inside it, so real feeds are shallow).
    /// </summary>
    private static XDocument LoadXml(byte[] bytes)
    {
        try
        {
            using (var probe = XmlReader.Create(new MemoryStream(bytes), Settings(DtdProcessing.Prohibit)))
            {
                while (probe.Read())
                {
                    if (probe.Depth > MaxDepth)
                    {
                        throw new ArticleRejectedException($"line {((IXmlLineInfo)probe).LineNumber}: the XML is nested deeper than {MaxDepth} levels");
                    }
                }
            }

            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings(DtdProcessing.Prohibit));
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new ArticleRejectedException(e.Message.Contains("DTD", StringComparison.Ordinal)
                ? $"line {e.LineNumber}: a feed may not have a DTD (<!DOCTYPE>): no entity is expanded or fetched"
                : $"not well-formed XML: {e.Message}");
        }
    }

    private static XmlReaderSettings Settings(DtdProcessing dtd) => new()
    {
        DtdProcessing = dtd,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static bool HasWordPressNamespace(XmlReader root)
    {
        while (root.MoveToNextAttribute())
        {
            if (root.Value.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> WithoutBomAndSpace(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return bytes.TrimStart(" \t\r\n"u8);
    }

    /// <summary>The feed's own address when it is an absolute http(s) URL, to resolve its items' relative links.</summary>
    internal static Uri? AbsoluteHttp(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    /// <summary>A link as written, made absolute against the old site when it is relative (and a URL at all).</summary>
    internal static string? Resolve(string? href, Uri? site) =>
        href is not null && site is not null && Uri.TryCreate(href, UriKind.Relative, out var relative) && Uri.TryCreate(site, relative, out var absolute)
            ? absolute.AbsoluteUri
            : href;

    /// <summary>Text from a field that may hold HTML (an RSS description, an Atom summary of type html), as plain text.</summary>
    internal static string? PlainText(string? html) =>
        string.IsNullOrWhiteSpace(html) ? null
        : HtmlDocuments.TryParse(html) is { } document ? HtmlDecoding.DecodeLine(HtmlTextContent.Of(document.DocumentNode))
        : null;

    /// <summary>A date as feeds write it: RFC 3339, or RFC 822 (RSS) with a numeric or named zone.</summary>
    internal static DateTimeOffset? Date(string? text, string element)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateParser.Parse(text) ?? Rfc822.Parse(text)
            ?? throw new ArticleRejectedException($"<{element}> '{text.Trim()}' is not a date");
    }
}
