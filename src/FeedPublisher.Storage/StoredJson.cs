using System.Buffers;
using System.Collections.ObjectModel;
using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Storage;

/// <summary>The JSON that list-valued columns hold: arrays of names, sources as {"name","url"}, authors' pages as {name: url}.</summary>
public static class StoredJson
{
    /// <summary>
    /// Characters the serializer's default encoder writes as themselves; names made only of these
    /// (nearly all) are written without it, byte for byte as it would: a cold ingest writes two
    /// such arrays per article.
    /// </summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

    public static string WriteNames(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (name.AsSpan().ContainsAnyExcept(Plain))
            {
                return JsonSerializer.Serialize(names);
            }
        }

        return names.Count == 0 ? "[]" : $"[\"{string.Join("\",\"", names)}\"]";
    }

    public static IReadOnlyList<string> ReadNames(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string WriteSources(IReadOnlyList<SourceLink> sources) =>
        sources.Count == 0 ? "[]" : JsonSerializer.Serialize(sources.Select(s => new StoredSource(s.Name, s.Url.AbsoluteUri)));

    public static IReadOnlyList<SourceLink> ReadSources(string json) =>
        (JsonSerializer.Deserialize<StoredSource[]>(json) ?? []).Select(s => new SourceLink(s.Name, new Uri(s.Url))).ToList();

    /// <summary>
    /// The authors' pages (<see cref="Article.AuthorUrls"/>) as one JSON object by name, in the
    /// order of the names; null when no author has one, as for nearly every article.
    /// </summary>
    public static string? WriteAuthorUrls(IReadOnlyList<string> authors, IReadOnlyDictionary<string, Uri> urls)
    {
        if (urls.Count == 0)
        {
            return null;
        }

        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in authors)
        {
            if (urls.TryGetValue(name, out var url))
            {
                byName[name] = url.AbsoluteUri;
            }
        }

        return byName.Count == 0 ? null : JsonSerializer.Serialize(byName);
    }

    /// <summary>What <see cref="WriteAuthorUrls"/> wrote; NULL (no author has a page) is the shared empty map, as <see cref="Article"/>'s default.</summary>
    public static IReadOnlyDictionary<string, Uri> ReadAuthorUrls(string? json) => json is null
        ? ReadOnlyDictionary<string, Uri>.Empty
        : (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).ToDictionary(p => p.Key, p => new Uri(p.Value), StringComparer.Ordinal);

    /// <summary>The files that go with an article (<see cref="Article.Attachments"/>) as a JSON array; null when none, as for most articles.</summary>
    public static string? WriteAttachments(IReadOnlyList<MediaAttachment> attachments) => attachments.Count == 0
        ? null
        : JsonSerializer.Serialize(attachments.Select(a => new StoredAttachment(a.Url.AbsoluteUri, a.MediaType, a.Length, a.Duration, a.Title)), IgnoreNulls);

    /// <summary>What <see cref="WriteAttachments"/> wrote; NULL is none.</summary>
    public static IReadOnlyList<MediaAttachment> ReadAttachments(string? json) => json is null
        ? []
        : [.. (JsonSerializer.Deserialize<StoredAttachment[]>(json) ?? []).Select(a => new MediaAttachment(new Uri(a.Url), a.Type, a.Length, a.Duration, a.Title))];

    private static readonly JsonSerializerOptions IgnoreNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record StoredSource(string Name, string Url);

    // Lower-case names, as the column's comment in the migrations says.
    private sealed record StoredAttachment(
        [property: System.Text.Json.Serialization.JsonPropertyName("url")] string Url,
        [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("length")] long? Length,
        [property: System.Text.Json.Serialization.JsonPropertyName("duration")] long? Duration,
        [property: System.Text.Json.Serialization.JsonPropertyName("title")] string? Title);
}
