namespace FeedPublisher.Core.Reading;

/// <summary>
/// Front matter as the contract's keys need it: scalars, lists and maps, each with the line it
/// starts on (1-based within the YAML), whichever parser read it.
/// </summary>
internal abstract record FrontMatterNode(int Line);

/// <summary>A single value; null where YAML gives a node without one.</summary>
internal sealed record FrontMatterScalar(string? Value, int Line) : FrontMatterNode(Line);

internal sealed record FrontMatterList(IReadOnlyList<FrontMatterNode> Items, int Line) : FrontMatterNode(Line);

/// <summary>Key-value pairs in their order; only plain keys are kept.</summary>
internal sealed record FrontMatterMap(IReadOnlyList<KeyValuePair<string, FrontMatterNode>> Entries, int Line) : FrontMatterNode(Line);
