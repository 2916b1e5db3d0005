using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>Typed reads of front-matter keys; a value of the wrong kind rejects the file with its line.</summary>
internal sealed class FrontMatterKeys(FrontMatterMap map, int firstLine) : IMetadataKeys
{
    public string? Text(string key) => Node(key) switch
    {
        null => null,
        FrontMatterScalar scalar => string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim(),
        var other => throw Wrong(other, key, "a single value"),
    };

    public DateTimeOffset? Date(string key) => Text(key) is { } text
        ? DateParser.Parse(text) ?? throw Wrong(Node(key)!, key, "a date such as 2024-05-01 or 2024-05-01T09:30:00Z")
        : null;

    public bool? Flag(string key) => Node(key) is FrontMatterScalar { Value: { } value } ? bool.TryParse(value.Trim(), out var flag) ? flag : null : null;

    public string? TextOrInner(string key, string inner) => Node(key) is FrontMatterMap map
        ? new FrontMatterKeys(map, firstLine).Text(inner)
        : Text(key);

    /// <summary>A list under any of the given keys, written either as a YAML list or as one value; an entry may be a map with a <c>name</c> (Ghost, JSON Feed).</summary>
    public IReadOnlyList<string> List(params string[] keys)
    {
        foreach (var key in keys)
        {
            switch (Node(key))
            {
                case null:
                    continue;
                case FrontMatterScalar scalar:
                    return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
                case FrontMatterList sequence:
                    return sequence.Items
                        .Select(item => item switch
                        {
                            FrontMatterScalar { Value: { } v } => v.Trim(),
                            FrontMatterMap entry => new FrontMatterKeys(entry, firstLine).Text("name") ?? throw Wrong(item, key, "entries with a 'name'"),
                            _ => throw Wrong(item, key, "a list of names"),
                        })
                        .Where(v => v.Length > 0)
                        .ToList();
                case var other:
                    throw Wrong(other, key, "a name or a list of names");
            }
        }

        return [];
    }

    public IReadOnlyList<(string Name, string Url)> LinkedNames(params string[] keys)
    {
        // The key List reads: the first present. Its shape was judged there.
        if (keys.Select(Node).FirstOrDefault(node => node is not null) is not FrontMatterList sequence)
        {
            return [];
        }

        return [.. sequence.Items.OfType<FrontMatterMap>()
            .Select(entry => new FrontMatterKeys(entry, firstLine))
            .Select(entry => (Name: entry.Text("name"), Url: entry.Text("url")))
            .Where(entry => entry.Name is not null && entry.Url is not null)
            .Select(entry => (entry.Name!, entry.Url!))];
    }

    public IReadOnlyList<string> Terms(string key) => Node(key) is FrontMatterScalar ? MetadataKeys.SplitAtCommas(List(key)) : List(key);

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Media(string key) => Node(key) switch
    {
        null => [],
        FrontMatterList sequence => [.. sequence.Items.Select(item => MediaFields(item, key))],
        var one => [MediaFields(one, key)],
    };

    private Dictionary<string, string> MediaFields(FrontMatterNode node, string key) => node switch
    {
        FrontMatterScalar { Value: { } url } => new Dictionary<string, string> { ["url"] = url.Trim() },
        FrontMatterMap entry => entry.Entries
            .Where(pair => pair.Value is FrontMatterScalar { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            .DistinctBy(pair => pair.Key.ToLowerInvariant())
            .ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => ((FrontMatterScalar)pair.Value).Value!.Trim()),
        _ => throw Wrong(node, key, "a URL, a {url, type, length} or a list of them"),
    };

    public IReadOnlyList<(string Name, string Url)> Sources(string key) => Node(key) switch
    {
        null => [],
        FrontMatterList sequence => sequence.Items.Select(item => item switch
        {
            FrontMatterScalar { Value: { } url } => ("", url.Trim()),
            FrontMatterMap entry => (
                new FrontMatterKeys(entry, firstLine).Text("name") ?? "",
                new FrontMatterKeys(entry, firstLine).Text("url") ?? throw Wrong(entry, key, "entries with a 'url'")),
            _ => throw Wrong(item, key, "a list of URLs or of {name, url}"),
        }).ToList(),
        var other => throw Wrong(other, key, "a list of URLs or of {name, url}"),
    };

    private FrontMatterNode? Node(string key) =>
        map.Entries.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private ArticleRejectedException Wrong(FrontMatterNode node, string key, string expected) =>
        new($"line {firstLine - 1 + node.Line}: front matter '{key}' must be {expected}");
}
