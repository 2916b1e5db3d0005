using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Storage;

/// <summary>The JSON that list-valued columns hold: arrays of names, and sources as {"name","url"}.</summary>
public static class StoredJson
{
    public static string WriteNames(IReadOnlyList<string> names) => JsonSerializer.Serialize(names);

    public static IReadOnlyList<string> ReadNames(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string WriteSources(IReadOnlyList<SourceLink> sources) =>
        JsonSerializer.Serialize(sources.Select(s => new StoredSource(s.Name, s.Url.AbsoluteUri)));

    public static IReadOnlyList<SourceLink> ReadSources(string json) =>
        (JsonSerializer.Deserialize<StoredSource[]>(json) ?? []).Select(s => new SourceLink(s.Name, new Uri(s.Url))).ToList();

    private sealed record StoredSource(string Name, string Url);
}
