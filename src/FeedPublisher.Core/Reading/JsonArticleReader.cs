using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// One JSON object with the article keys (README, "Stored articles") plus <c>body_html</c> or
/// <c>body_text</c>. A value of the wrong type rejects the file, naming the key.
/// </summary>
public sealed class JsonArticleReader : IArticleReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public IReadOnlyCollection<string> Extensions { get; } = [".json"];

    public ArticleDraft Read(ArticleSource source)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(source.Text, Options);
        }
        catch (JsonException e)
        {
            throw new ArticleRejectedException($"line {e.LineNumber + 1}: not valid JSON: {e.Message}");
        }

        using (json)
        {
            try
            {
                return Read(json.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // System.Text.Json refuses a string escaping half a surrogate pair (\ud800) only when it is read.
                throw new ArticleRejectedException($"the JSON holds a string that is not valid text: {e.Message}");
            }
        }
    }

    private static ArticleDraft Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ArticleRejectedException("the JSON must be one object with the article's keys");
        }

        // A JSON Feed document is many articles: ingest and import read it item by item
        // (FeedDocuments) before it could reach this reader, which reads one article.
        if (JsonFeedReader.IsFeed(root))
        {
            throw new ArticleRejectedException("it is a JSON Feed document (many articles), not one article");
        }

        var keys = new JsonKeys(root);
        var metadata = MetadataKeys.Read(keys) with { UnknownKeys = KnownArticleKeys.UnknownAmong(root.EnumerateObject().Select(property => property.Name)) };

        return keys.Text("body_html") is { } html ? ArticleDraft.FromHtml(metadata, html)
            : keys.Text("body_text") is { } text ? ArticleDraft.FromText(metadata, PlainTextParagraphs.Split(text))
            : throw new ArticleRejectedException("the JSON has neither 'body_html' nor 'body_text'");
    }

    /// <summary>Typed reads of the object's keys.</summary>
    internal sealed class JsonKeys(JsonElement root) : IMetadataKeys
    {
        public string? Text(string key) => Get(key) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
            _ => throw Wrong(key, "a string"),
        };

        public DateTimeOffset? Date(string key) => Text(key) is { } text
            ? DateParser.Parse(text) ?? throw Wrong(key, "a date such as 2024-05-01T09:30:00Z")
            : null;

        public bool? Flag(string key) => Get(key)?.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

        public string? TextOrInner(string key, string inner) => Get(key) is { ValueKind: JsonValueKind.Object } value
            ? new JsonKeys(value).Text(inner)
            : Text(key);

        public IReadOnlyList<string> List(params string[] keys)
        {
            foreach (var key in keys)
            {
                switch (Get(key))
                {
                    case null:
                        continue;
                    case { ValueKind: JsonValueKind.String }:
                        return Text(key) is { } one ? [one] : [];
                    case { ValueKind: JsonValueKind.Object } person:
                        // JSON Feed 1.0's single "author": {name, url}.
                        return new JsonKeys(person).Text("name") is { } name ? [name] : [];
                    case { ValueKind: JsonValueKind.Array } array:
                        return array.EnumerateArray()
                            .Select(item => item.ValueKind switch
                            {
                                JsonValueKind.String => item.GetString()!.Trim(),
                                JsonValueKind.Object => new JsonKeys(item).Text("name") ?? throw Wrong(key, "a list of names or of objects with a 'name'"),
                                _ => throw Wrong(key, "a list of names or of objects with a 'name'"),
                            })
                            .Where(item => item.Length > 0)
                            .ToList();
                    default:
                        throw Wrong(key, "a string or a list of strings");
                }
            }

            return [];
        }

        public IReadOnlyList<(string Name, string Url)> LinkedNames(params string[] keys)
        {
            // The key List reads: the first present. Its shape was judged there.
            var value = keys.Select(Get).FirstOrDefault(value => value is not null);
            IEnumerable<JsonElement> entries = value switch
            {
                { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
                { ValueKind: JsonValueKind.Object } one => [one],
                _ => [],
            };
            return [.. entries
                .Where(item => item.ValueKind == JsonValueKind.Object)
                .Select(item => new JsonKeys(item))
                .Select(item => (Name: item.Text("name"), Url: item.Text("url")))
                .Where(item => item.Name is not null && item.Url is not null)
                .Select(item => (item.Name!, item.Url!))];
        }

        public IReadOnlyList<string> Terms(string key) => Get(key) is { ValueKind: JsonValueKind.String } ? MetadataKeys.SplitAtCommas(List(key)) : List(key);

        public IReadOnlyList<IReadOnlyDictionary<string, string>> Media(string key) => Get(key) switch
        {
            null => [],
            { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(item => MediaFields(item, key))],
            { } one => [MediaFields(one, key)],
        };

        /// <summary>A URL, or an object's string and number fields (JSON Feed's sizes and durations are numbers).</summary>
        private static Dictionary<string, string> MediaFields(JsonElement item, string key) => item.ValueKind switch
        {
            JsonValueKind.String => new Dictionary<string, string> { ["url"] = item.GetString()!.Trim() },
            JsonValueKind.Object => item.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .Select(p => (Name: p.Name.ToLowerInvariant(), Value: p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()!.Trim() : p.Value.GetRawText()))
                .Where(p => p.Value.Length > 0)
                .DistinctBy(p => p.Name)
                .ToDictionary(p => p.Name, p => p.Value),
            _ => throw Wrong(key, "a URL, an object with a 'url' or a list of them"),
        };

        public IReadOnlyList<(string Name, string Url)> Sources(string key) => Get(key) switch
        {
            null => [],
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(item => item.ValueKind switch
            {
                JsonValueKind.String => ("", item.GetString()!.Trim()),
                JsonValueKind.Object => (
                    new JsonKeys(item).Text("name") ?? "",
                    new JsonKeys(item).Text("url") ?? throw Wrong(key, "entries with a 'url'")),
                _ => throw Wrong(key, "a list of URLs or of {name, url}"),
            }).ToList(),
            _ => throw Wrong(key, "a list of URLs or of {name, url}"),
        };

        private JsonElement? Get(string key) =>
            root.EnumerateObject().Where(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.Null)
                .Select(p => (JsonElement?)p.Value).FirstOrDefault();

        private static ArticleRejectedException Wrong(string key, string expected) => new($"'{key}' must be {expected}");
    }
}
