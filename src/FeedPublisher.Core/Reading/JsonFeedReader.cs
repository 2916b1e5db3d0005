using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// JSON Feed 1.0 and 1.1 items. An item's keys are nearly the article keys (<c>id</c>, <c>url</c>,
/// <c>title</c>, <c>summary</c>, <c>date_published</c>, <c>date_modified</c>, <c>tags</c>,
/// <c>image</c>, 1.1's <c>authors</c> and 1.0's <c>author</c>), so they are read as a JSON article's
/// are; <c>content_html</c> (else <c>content_text</c>) is the body; the feed's authors stand for
/// an item's that has none.
/// </summary>
internal static class JsonFeedReader
{
    public static bool IsFeed(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
        && version.GetString()!.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal)
        && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;

    public static FeedRead Read(byte[] bytes)
    {
        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0), FeedDocuments.JsonOptions);
            if (!IsFeed(json.RootElement))
            {
                throw new ArticleRejectedException("not a JSON Feed: no https://jsonfeed.org/version/ and items");
            }

            var feedAuthors = new JsonArticleReader.JsonKeys(json.RootElement).List("authors", "author");
            var items = new List<FeedItem>();
            foreach (var (item, index) in json.RootElement.GetProperty("items").EnumerateArray().Select((e, i) => (e, i + 1)))
            {
                var id = Id(item);
                try
                {
                    var draft = Draft(item, id, feedAuthors);
                    // An item that takes the feed's authors changes when they do: they are part of its text.
                    var text = ReferenceEquals(draft.Metadata.Authors, feedAuthors) && feedAuthors.Count > 0
                        ? item.GetRawText() + "\n" + string.Join("\n", feedAuthors)
                        : item.GetRawText();
                    items.Add(new FeedItem(index, id, draft, null, text));
                }
                catch (Exception e) when (e is ArticleRejectedException or InvalidOperationException)
                {
                    items.Add(new FeedItem(index, id, null, e.Message, item.GetRawText()));
                }
            }

            return new FeedRead(FeedDocumentKind.JsonFeed, items, 0);
        }
        catch (JsonException e)
        {
            throw new ArticleRejectedException($"line {e.LineNumber + 1}: not valid JSON: {e.Message}");
        }
    }

    /// <summary>See <see cref="FeedDocuments.SingleJsonFeedItem"/>.</summary>
    public static FeedItem? ReadItem(byte[] bytes)
    {
        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0), FeedDocuments.JsonOptions);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || IsFeed(root) || root.TryGetProperty("body_html", out _) || root.TryGetProperty("body_text", out _)
                || !(root.TryGetProperty("content_html", out _) || root.TryGetProperty("content_text", out _)))
            {
                return null;
            }

            var id = Id(root);
            try
            {
                return new FeedItem(1, id, Draft(root, id, []), null, root.GetRawText());
            }
            catch (Exception e) when (e is ArticleRejectedException or InvalidOperationException)
            {
                return new FeedItem(1, id, null, e.Message, root.GetRawText());
            }
        }
        catch (JsonException)
        {
            // Not JSON: the article reader says where.
            return null;
        }
    }

    private static ArticleDraft Draft(JsonElement item, string? id, IReadOnlyList<string> feedAuthors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new ArticleRejectedException("an item must be an object");
        }

        if (id is null)
        {
            throw new ArticleRejectedException("it has no id");
        }

        var keys = new JsonArticleReader.JsonKeys(item);
        var metadata = MetadataKeys.Read(new IdGiven(keys, id));
        if (metadata.Authors.Count == 0)
        {
            metadata = metadata with { Authors = feedAuthors };
        }

        return keys.Text("content_html") is { } html ? ArticleDraft.FromHtml(metadata, html)
            : keys.Text("content_text") is { } text ? ArticleDraft.FromText(metadata, PlainTextParagraphs.Split(text))
            : throw new ArticleRejectedException("it has neither 'content_html' nor 'content_text'");
    }

    /// <summary>The spec says an id is a string, and a number given instead is read as its digits.</summary>
    private static string? Id(JsonElement item) =>
        item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) ? null
        : id.ValueKind == JsonValueKind.String ? (id.GetString()!.Trim() is { Length: > 0 } text ? text : null)
        : id.ValueKind == JsonValueKind.Number ? id.GetRawText()
        : null;

    /// <summary>An item's keys with its id as <see cref="Id"/> read it (a number is allowed there, and nowhere else).</summary>
    private sealed class IdGiven(IMetadataKeys keys, string id) : IMetadataKeys
    {
        public string? Text(string key) => key == "id" ? id : keys.Text(key);

        public DateTimeOffset? Date(string key) => keys.Date(key);

        public bool? Flag(string key) => keys.Flag(key);

        public string? TextOrInner(string key, string inner) => keys.TextOrInner(key, inner);

        public IReadOnlyList<string> List(params string[] names) => keys.List(names);

        public IReadOnlyList<(string Name, string Url)> LinkedNames(params string[] names) => keys.LinkedNames(names);

        public IReadOnlyList<string> Terms(string key) => keys.Terms(key);

        public IReadOnlyList<(string Name, string Url)> Sources(string key) => keys.Sources(key);

        public IReadOnlyList<IReadOnlyDictionary<string, string>> Media(string key) => keys.Media(key);
    }
}
