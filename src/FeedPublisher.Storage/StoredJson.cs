using System.Buffers;
using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Storage;

/// <summary>The JSON that list-valued columns hold: arrays of names, and sources as {"name","url"}.</summary>
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

    private sealed record StoredSource(string Name, string Url);
}
