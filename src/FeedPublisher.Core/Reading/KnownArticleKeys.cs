using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// Every top-level key of front matter or a JSON article that is not a mistake: the keys the
/// readers read, and the keys common site generators write for their own use, which we know and
/// leave alone. Any other key is reported as unknown (once per publish, not as an error), with the
/// nearest of these when one is close, so a typo such as <c>publish_date</c> does not silently
/// cost an article its date. Keys are compared ignoring case, as the readers look them up.
/// </summary>
internal static class KnownArticleKeys
{
    /// <summary>
    /// The keys <see cref="MetadataKeys"/>, <see cref="PublicationKeys"/> and the JSON reader read.
    /// A test asks <see cref="MetadataKeys"/> for every key it reads and checks each is here.
    /// </summary>
    public static readonly IReadOnlyList<string> Read =
    [
        "id", "title", "url", "source", "source_url", "sources", "language", "lang", "authors", "author",
        "date", "publishDate", "published", "pubDate", "date_published", "published_at", "created_at",
        "updated", "lastmod", "modified", "date_modified", "updated_at",
        "summary", "description", "excerpt", "subtitle",
        "categories", "category", "tags", "keywords",
        "image", "cover", "featured_image", "feature_image", "thumbnail", "banner_image",
        "enclosure", "audio", "video", "attachments",
        "draft", "status", "expiryDate", "unpublishDate", "expires",
        "body_html", "body_text",
    ];

    /// <summary>
    /// Keys that Hugo, Jekyll, Eleventy, Ghost and WordPress exports write for page layout,
    /// routing, menus and comments: meaningless in a feed, so read by no one, but not typos either.
    /// </summary>
    public static readonly IReadOnlyList<string> Ignored =
    [
        // Hugo
        "weight", "slug", "aliases", "layout", "type", "linkTitle", "menu", "menus", "outputs", "resources",
        "series", "toc", "markup", "headless", "isCJKLanguage", "translationKey", "sitemap", "build", "cascade", "params",
        // Jekyll
        "permalink", "redirect_from", "redirect_to", "comments", "excerpt_separator", "hidden", "pin",
        // Eleventy
        "eleventyNavigation", "eleventyExcludeFromCollections", "eleventyComputed", "pagination", "templateEngineOverride",
        // Ghost and WordPress exports
        "uuid", "visibility", "featured", "page", "meta_title", "meta_description", "canonical_url",
        "comment_status", "ping_status", "post_type", "menu_order", "sticky", "format", "template",
    ];

    private static readonly HashSet<string> All = new([.. Read, .. Ignored], StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string key) => All.Contains(key);

    /// <summary>The keys of one object that no one knows, each once, in the order written.</summary>
    public static IReadOnlyList<string> UnknownAmong(IEnumerable<string> keys) =>
        [.. keys.Where(key => !IsKnown(key)).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The known key a mistyped one most likely meant, or null when none is close.</summary>
    public static string? Nearest(string key) => NearestName.Find(key, [.. Read, .. Ignored]);
}
