using System.Text.Json;

namespace FeedPublisher.Core.Writing.Rules;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal sealed class JsonFeedRules : IFeedRules
{
    public IReadOnlyList<string> Check(byte[] file, string? expectedSelf)
    {
        using var document = JsonDocument.Parse(file);
        return [.. CheckFeed(document.RootElement, expectedSelf)];
    }

    private static IEnumerable<string> CheckFeed(JsonElement feed, string? expectedSelf)
    {
        if (Text(feed, "version") != "https://jsonfeed.org/version/1.1")
        {
            yield return "version must be https://jsonfeed.org/version/1.1";
        }

        if (string.IsNullOrWhiteSpace(Text(feed, "title")))
        {
            yield return "title is missing";
        }

        if (!FeedRules.IsAbsoluteHttp(Text(feed, "home_page_url")))
        {
            yield return "home_page_url must be an absolute URL";
        }

        if (!FeedRules.IsAbsoluteHttp(Text(feed, "feed_url")) || (expectedSelf is not null && Text(feed, "feed_url") != expectedSelf))
        {
            yield return $"feed_url must be the feed's published URL{(expectedSelf is null ? "" : " " + expectedSelf)}";
        }

        if (!feed.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            yield return "items must be an array";
            yield break;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, n) in items.EnumerateArray().Select((item, i) => (item, i + 1)))
        {
            if (Text(item, "id") is not { Length: > 0 } id || !ids.Add(id))
            {
                yield return $"item {n}: needs a unique id";
            }

            if (!FeedRules.IsAbsoluteHttp(Text(item, "url")))
            {
                yield return $"item {n}: url must be absolute";
            }

            if (Text(item, "content_html") is null && Text(item, "content_text") is null)
            {
                yield return $"item {n}: needs content_html or content_text";
            }

            foreach (var date in new[] { "date_published", "date_modified" })
            {
                if (Text(item, date) is { } value && !FeedRules.IsRfc3339(value))
                {
                    yield return $"item {n}: {date} '{value}' is not RFC 3339";
                }
            }

            if (Text(item, "title") is { } title && FeedRules.HasMarkup(title))
            {
                yield return $"item {n}: the title holds markup";
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
